package io.fiscus.execution;

import io.fiscus.block.LogsBloom;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * The result of executing a block's transactions: either every one applied, or the block is
 * invalid.
 */
public sealed interface BlockExecution {

  /**
   * Every transaction applied in order. {@code changes} holds the net state writes (commit them
   * with {@link io.fiscus.state.StateCommitment} for the state root); the roots and the bloom go
   * into the header as they are.
   */
  record Executed(
      StateChanges changes,
      List<TransactionOutcome> outcomes,
      long gasUsed,
      LogsBloom logsBloom,
      Hash transactionsRoot,
      Hash receiptsRoot)
      implements BlockExecution {
    public Executed {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** Transaction {@code index} cannot be in a block; nothing of the block applies. */
  record Invalid(int index, InvalidTransaction reason, String detail) implements BlockExecution {}
}
