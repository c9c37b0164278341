package io.fiscus.chain;

import io.fiscus.block.Block;
import io.fiscus.state.StateChanges;
import io.fiscus.trie.TrieCommit;

/**
 * Port: makes finalized blocks durable. Each call writes one atomic, synced batch: the block, its
 * receipts and transaction index, the flat state changes, the new trie nodes, the secondary indexes
 * and the new head. Called from one thread only (the consensus driver).
 */
public interface ChainWriter {
  /** Writes block 0 and its state on an empty store. */
  void commitGenesis(Block genesis, StateChanges state, TrieCommit trie);

  /**
   * Appends the next block; {@code state} holds its net changes over the current head state and
   * {@code trie} the state trie nodes whose root is the header's state root.
   */
  void commit(CommittedBlock block, StateChanges state, TrieCommit trie);
}
