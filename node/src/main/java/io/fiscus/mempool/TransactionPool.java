package io.fiscus.mempool;

import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: pending transactions waiting for a block. Thread-safe: RPC threads submit while the
 * consensus driver selects and the committer removes.
 */
public interface TransactionPool {
  /** Decodes and checks {@code raw} against the latest state; keeps it if acceptable. */
  Submission submit(Bytes raw);

  /**
   * Transactions for the next block: per sender in nonce order starting at the state's nonce,
   * senders interleaved, whose execution gas (each transaction's fixed cost, not the limit its
   * sender wrote) totals at most {@code gasLimit}, as the executor counts a block.
   */
  List<SignedTransaction> select(long gasLimit, int countMax);

  /** The nonce after the sender's last contiguous pooled transaction, if it has any. */
  OptionalLong nextNonce(Address sender);

  Optional<SignedTransaction> get(Hash hash);

  /** Transactions executable now (contiguous from the state nonce). */
  int pendingCount();

  /** Transactions waiting for a nonce gap to close. */
  int queuedCount();

  /** Adds a listener told when the pool goes from empty to non-empty (to wake block building). */
  void onTransactionsAvailable(Runnable listener);
}
