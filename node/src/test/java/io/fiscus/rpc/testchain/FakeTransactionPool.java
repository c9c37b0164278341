package io.fiscus.rpc.testchain;

import io.fiscus.mempool.Submission;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A pool that only reports its sizes: the methods under test never submit or select. */
public final class FakeTransactionPool implements TransactionPool {
  public int pending;
  public int queued;

  @Override
  public Submission submit(Bytes raw) {
    throw new UnsupportedOperationException("not used by the RPC methods under test");
  }

  @Override
  public List<SignedTransaction> select(long gasLimit, int countMax) {
    return List.of();
  }

  @Override
  public OptionalLong nextNonce(Address sender) {
    return OptionalLong.empty();
  }

  @Override
  public Optional<SignedTransaction> get(Hash hash) {
    return Optional.empty();
  }

  @Override
  public int pendingCount() {
    return pending;
  }

  @Override
  public int queuedCount() {
    return queued;
  }

  @Override
  public void onTransactionsAvailable(Runnable listener) {}
}
