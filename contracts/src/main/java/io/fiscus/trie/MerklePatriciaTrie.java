package io.fiscus.trie;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ethereum's hexary Merkle Patricia trie: hex-prefix paths, leaf, extension and branch nodes, RLP
 * node encoding, nodes shorter than 32 bytes embedded in their parent, the root always hashed.
 *
 * <p>Updates are batched: {@link #put} and {@link #remove} rebuild only the nodes on the key's
 * path, in memory, without encoding anything; hashing happens once, in {@link #rootHash()} or
 * {@link #commit()}, and reuses the cached encoding of every subtree the updates did not touch.
 * Nodes of an existing trie are loaded from the {@link TrieNodeStore} lazily, when a path first
 * goes through them, and stay cached in this object.
 *
 * <p>The trie never writes to its store: {@link #commit()} returns the new nodes for the caller to
 * persist. Not thread-safe.
 */
public final class MerklePatriciaTrie {
  private final NodeLoader loader;
  private final TrieUpdater updater;
  private Node root;

  /** An empty trie whose later nodes will be read from {@code store}. */
  public MerklePatriciaTrie(TrieNodeStore store) {
    this(store, Hash.EMPTY_TRIE);
  }

  /**
   * The trie with root hash {@code root} in {@code store}. Nothing is read until needed; a node
   * missing from the store surfaces as {@link MissingTrieNodeException} when first reached.
   */
  public MerklePatriciaTrie(TrieNodeStore store, Hash root) {
    this.loader = new NodeLoader(store);
    this.updater = new TrieUpdater(loader);
    this.root = root.equals(Hash.EMPTY_TRIE) ? null : new Node.Stored(root);
  }

  /** The value under {@code key}, if any. */
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(updater.get(root, Nibbles.of(key.unsafeArray())));
  }

  /** Sets {@code key} to {@code value}; an empty value removes the key, as in Ethereum. */
  public void put(Bytes key, Bytes value) {
    if (value.isEmpty()) {
      remove(key);
      return;
    }
    root = updater.put(root, Nibbles.of(key.unsafeArray()), 0, value);
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public void remove(Bytes key) {
    root = updater.remove(root, Nibbles.of(key.unsafeArray()), 0);
  }

  /** True if the trie holds no key. */
  public boolean isEmpty() {
    return root == null;
  }

  /** The root hash, encoding only the nodes changed since they were last encoded. */
  public Hash rootHash() {
    return root == null ? Hash.EMPTY_TRIE : root.hash();
  }

  /**
   * Hashes the trie and returns its root with every node created since the last commit (or since
   * loading), for the caller to write to the store. After this, those nodes count as persisted: the
   * caller must write them before relying on a reload from the returned root.
   */
  public TrieCommit commit() {
    if (root == null) {
      return new TrieCommit(Hash.EMPTY_TRIE, List.of());
    }
    Map<Hash, TrieNode> out = new LinkedHashMap<>();
    collect(root, out);
    if (!(root instanceof Node.Stored)) {
      // The root is listed even when short enough to be embedded, so it can be loaded by hash.
      out.putIfAbsent(root.hash(), node(root));
    }
    return new TrieCommit(root.hash(), new ArrayList<>(out.values()));
  }

  private static void collect(Node node, Map<Hash, TrieNode> out) {
    if (node == null || node.persisted) {
      return;
    }
    switch (node) {
      case Node.Leaf leaf -> {}
      case Node.Extension extension -> collect(extension.child, out);
      case Node.Branch branch -> {
        for (Node child : branch.children) {
          collect(child, out);
        }
      }
      case Node.Stored stored -> {}
    }
    if (node.isHashed()) {
      out.putIfAbsent(node.hash(), node(node));
    }
    node.persisted = true;
  }

  private static TrieNode node(Node node) {
    return new TrieNode(node.hash(), Bytes.wrap(node.encoding()));
  }

  /**
   * An {@code eth_getProof}-style proof for {@code key}: the encodings of the nodes on the key's
   * path, root first, each referenced by hash from the one before (embedded nodes travel inside
   * their parent). It ends with the leaf holding the key or with the node showing that the key is
   * absent. The proof of any key in the empty trie is empty. Check it with {@link
   * MerkleProof#verify}.
   */
  public List<Bytes> proof(Bytes key) {
    List<Bytes> proof = new ArrayList<>();
    byte[] path = Nibbles.of(key.unsafeArray());
    int offset = 0;
    Node next = root;
    boolean first = true;
    while (next != null) {
      boolean hashed = first || next.isHashed();
      Node node = loader.resolve(next);
      if (hashed) {
        proof.add(Bytes.wrap(node.encoding()));
      }
      first = false;
      switch (node) {
        case Node.Leaf leaf -> next = null;
        case Node.Extension extension -> {
          boolean follows = Nibbles.startsWith(path, offset, extension.path);
          offset += extension.path.length;
          next = follows ? extension.child : null;
        }
        case Node.Branch branch -> {
          next = offset == path.length ? null : branch.children[path[offset]];
          offset++;
        }
        case Node.Stored stored -> throw new IllegalStateException("unresolved " + stored.hash());
      }
    }
    return List.copyOf(proof);
  }
}
