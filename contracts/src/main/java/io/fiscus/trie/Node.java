package io.fiscus.trie;

import io.fiscus.crypto.Keccak;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;

/**
 * A trie node. Nodes are immutable once built, so an untouched subtree keeps its cached encoding
 * and hash across updates: an update rebuilds only the nodes on the changed path. The one mutable
 * bit, {@link #persisted}, records that the node's encoding has already been handed out by a commit
 * (or came from the store), so the next commit skips the whole subtree.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.Stored {
  /** An encoding at least this long is referenced by hash; a shorter one is embedded. */
  static final int HASH_REFERENCE_BYTES = 32;

  private byte[] encoding;
  private Hash hash;
  boolean persisted;

  /** The node's RLP encoding, computed once. */
  byte[] encoding() {
    byte[] cached = encoding;
    if (cached == null) {
      cached = encode();
      encoding = cached;
    }
    return cached;
  }

  /** keccak256 of the encoding, computed once. */
  Hash hash() {
    Hash cached = hash;
    if (cached == null) {
      byte[] encoded = encoding();
      cached = Keccak.hash(encoded, 0, encoded.length);
      hash = cached;
    }
    return cached;
  }

  /** True if a parent refers to this node by hash rather than embedding it. */
  boolean isHashed() {
    return encoding().length >= HASH_REFERENCE_BYTES;
  }

  /** How a parent refers to this node: the node itself if short, else the RLP of its hash. */
  byte[] reference() {
    return isHashed() ? Rlp.string(hash().bytes()) : encoding();
  }

  abstract byte[] encode();

  /** Sets the encoding a node was decoded from, so it is never re-encoded. */
  void setEncoding(byte[] encoded) {
    encoding = encoded;
  }

  private static byte[] referenceOrEmpty(Node child) {
    return child == null ? Rlp.emptyString() : child.reference();
  }

  /** A node holding the rest of one key's path and its value. */
  static final class Leaf extends Node {
    final byte[] path;
    final Bytes value;

    Leaf(byte[] path, Bytes value) {
      this.path = path;
      this.value = value;
    }

    @Override
    byte[] encode() {
      return Rlp.list(Rlp.string(Nibbles.hexPrefix(path, true)), Rlp.string(value));
    }
  }

  /** A path segment shared by every key below, leading to one branch. */
  static final class Extension extends Node {
    final byte[] path;
    final Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
    }

    @Override
    byte[] encode() {
      return Rlp.list(Rlp.string(Nibbles.hexPrefix(path, false)), child.reference());
    }
  }

  /** Sixteen children, one per next nibble, and the value of a key that ends here. */
  static final class Branch extends Node {
    static final int WIDTH = 16;

    /** Never modified after construction; null marks an empty slot. */
    final Node[] children;

    /** Empty if no key ends here. */
    final Bytes value;

    Branch(Node[] children, Bytes value) {
      this.children = children;
      this.value = value;
    }

    @Override
    byte[] encode() {
      byte[][] items = new byte[WIDTH + 1][];
      for (int i = 0; i < WIDTH; i++) {
        items[i] = referenceOrEmpty(children[i]);
      }
      items[WIDTH] = Rlp.string(value);
      return Rlp.list(items);
    }

    Branch withChild(int index, Node child) {
      Node[] copy = children.clone();
      copy[index] = child;
      return new Branch(copy, value);
    }

    Branch withValue(Bytes newValue) {
      return new Branch(children, newValue);
    }
  }

  /**
   * A reference by hash to a node in the store, not yet loaded. Its subtree is in the store, so it
   * is always persisted. {@link #resolved} caches the loaded node.
   */
  static final class Stored extends Node {
    final Hash nodeHash;
    Node resolved;

    Stored(Hash nodeHash) {
      this.nodeHash = nodeHash;
      this.persisted = true;
    }

    @Override
    Hash hash() {
      return nodeHash;
    }

    @Override
    boolean isHashed() {
      return true;
    }

    @Override
    byte[] reference() {
      return Rlp.string(nodeHash.bytes());
    }

    @Override
    byte[] encode() {
      throw new IllegalStateException("a stored node is encoded only once loaded: " + nodeHash);
    }
  }
}
