package io.fiscus.trie;

import io.fiscus.types.Hash;

/**
 * A node the trie needs is not in its {@link TrieNodeStore}: the store is incomplete for the root
 * the trie was opened at (pruned, or the root was never committed).
 */
public final class MissingTrieNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash nodeHash;

  public MissingTrieNodeException(Hash nodeHash) {
    super("trie node " + nodeHash + " is not in the store");
    this.nodeHash = nodeHash;
  }

  public Hash nodeHash() {
    return nodeHash;
  }
}
