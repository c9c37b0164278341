package io.fiscus.trie;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MerklePatriciaTrie} whose paths are keccak256 of the keys, as Ethereum's account and
 * storage tries: paths have a fixed length and an attacker cannot choose them to deepen the trie.
 */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  /** An empty secure trie reading later nodes from {@code store}. */
  public SecureTrie(TrieNodeStore store) {
    this.trie = new MerklePatriciaTrie(store);
  }

  /** The secure trie with root hash {@code root} in {@code store}, loaded lazily. */
  public SecureTrie(TrieNodeStore store, Hash root) {
    this.trie = new MerklePatriciaTrie(store, root);
  }

  /** The path under which {@code key} is stored: keccak256(key). */
  public static Bytes path(Bytes key) {
    return Keccak.hash(key).bytes();
  }

  public Optional<Bytes> get(Bytes key) {
    return trie.get(path(key));
  }

  /** Sets {@code key} to {@code value}; an empty value removes the key. */
  public void put(Bytes key, Bytes value) {
    trie.put(path(key), value);
  }

  public void remove(Bytes key) {
    trie.remove(path(key));
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  /** See {@link MerklePatriciaTrie#commit()}. */
  public TrieCommit commit() {
    return trie.commit();
  }

  /** The proof for {@code key}, along the path keccak256(key). */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(path(key));
  }

  /** Verifies a proof for {@code key} (not yet hashed) in a secure trie with root {@code root}. */
  public static ProofResult verifyProof(Hash root, Bytes key, List<Bytes> proof) {
    return MerkleProof.verify(root, path(key), proof);
  }
}
