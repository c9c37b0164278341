package io.fiscus.chain;

import io.fiscus.block.Block;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * A finalized block as the node commits it: the sealed block, its hash, its transactions decoded
 * (in block order, senders recovered), and one outcome per transaction.
 */
public record CommittedBlock(
    Hash hash,
    Block block,
    List<SignedTransaction> transactions,
    List<TransactionOutcome> outcomes) {
  public CommittedBlock {
    transactions = List.copyOf(transactions);
    outcomes = List.copyOf(outcomes);
    if (transactions.size() != block.transactions().size()
        || outcomes.size() != transactions.size()) {
      throw new IllegalArgumentException("one decoded transaction and one outcome per transaction");
    }
  }

  public long number() {
    return block.header().number();
  }
}
