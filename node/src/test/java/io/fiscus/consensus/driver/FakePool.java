package io.fiscus.consensus.driver;

import io.fiscus.chain.ChainReader;
import io.fiscus.mempool.Submission;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pool that keeps added transactions in order and offers those the chain has not yet consumed
 * (nonce at or above the state's). No admission checks: tests add signed transactions directly.
 */
final class FakePool implements TransactionPool {
  private final ChainReader chain;
  private final List<SignedTransaction> added = new ArrayList<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  FakePool(ChainReader chain) {
    this.chain = chain;
  }

  void add(List<SignedTransaction> transactions) {
    boolean wasEmpty;
    synchronized (this) {
      wasEmpty = pendingCount() == 0;
      added.addAll(transactions);
    }
    if (wasEmpty && !transactions.isEmpty()) {
      listeners.forEach(Runnable::run);
    }
  }

  @Override
  public Submission submit(Bytes raw) {
    throw new UnsupportedOperationException("tests add decoded transactions");
  }

  @Override
  public synchronized List<SignedTransaction> select(long gasLimit, int countMax) {
    List<SignedTransaction> selected = new ArrayList<>();
    long gas = 0;
    for (SignedTransaction transaction : pending()) {
      if (selected.size() == countMax || gas + transaction.gasLimit() > gasLimit) {
        break;
      }
      gas += transaction.gasLimit();
      selected.add(transaction);
    }
    return selected;
  }

  private List<SignedTransaction> pending() {
    List<SignedTransaction> pending = new ArrayList<>();
    for (SignedTransaction transaction : added) {
      if (transaction.nonce() >= chain.latestState().nonce(transaction.sender())) {
        pending.add(transaction);
      }
    }
    return pending;
  }

  @Override
  public OptionalLong nextNonce(Address sender) {
    return OptionalLong.empty();
  }

  @Override
  public synchronized Optional<SignedTransaction> get(Hash hash) {
    return added.stream().filter(transaction -> transaction.hash().equals(hash)).findFirst();
  }

  @Override
  public synchronized int pendingCount() {
    return pending().size();
  }

  @Override
  public int queuedCount() {
    return 0;
  }

  @Override
  public void onTransactionsAvailable(Runnable listener) {
    listeners.add(listener);
  }
}
