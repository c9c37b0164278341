package io.fiscus.trie;

import io.fiscus.types.Hash;

/** A node in the {@link TrieNodeStore} does not decode as a trie node: the store is corrupt. */
public final class CorruptTrieNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash nodeHash;

  public CorruptTrieNodeException(Hash nodeHash, String reason) {
    super("trie node " + nodeHash + " is corrupt: " + reason);
    this.nodeHash = nodeHash;
  }

  public Hash nodeHash() {
    return nodeHash;
  }
}
