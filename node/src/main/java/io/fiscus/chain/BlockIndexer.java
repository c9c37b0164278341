package io.fiscus.chain;

import io.fiscus.state.StateView;
import io.fiscus.storage.WriteBatch;

/**
 * Port: derives secondary index entries from a block while it is committed, into the block's own
 * batch, so indexes are never behind or ahead of the chain.
 */
public interface BlockIndexer {
  /**
   * Adds {@code block}'s index entries to {@code batch}; {@code before} is the state before the
   * block and {@code after} the state after it (before plus the block's changes).
   */
  void index(CommittedBlock block, StateView before, StateView after, WriteBatch batch);
}
