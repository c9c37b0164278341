package io.fiscus.mempool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One sender's pooled transactions by nonce. The pending run is the transactions contiguous from
 * the sender's state nonce; the rest are queued behind a gap. Not thread-safe: the pool's lock
 * guards it.
 */
final class SenderQueue {
  private final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>();
  private long stateNonce;
  private int pendingCount;

  SenderQueue(long stateNonce) {
    this.stateNonce = stateNonce;
  }

  long stateNonce() {
    return stateNonce;
  }

  int pendingCount() {
    return pendingCount;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  boolean holdsNonce(long nonce) {
    return byNonce.containsKey(nonce);
  }

  /** Adds a transaction whose nonce is free; returns how much the pending run grew. */
  int add(PooledTransaction pooled) {
    byNonce.put(pooled.nonce(), pooled);
    int before = pendingCount;
    if (pooled.nonce() == stateNonce + pendingCount) {
      // Closing a gap promotes the queued transactions right behind it.
      extendPendingRun();
    }
    return pendingCount - before;
  }

  /**
   * Moves to the sender's new state nonce after a block: removes and returns the transactions below
   * it (included, or made obsolete by another transaction with their nonce) and recounts the run.
   */
  List<PooledTransaction> advanceTo(long newStateNonce) {
    SortedMap<Long, PooledTransaction> stale = byNonce.headMap(newStateNonce);
    List<PooledTransaction> removed = new ArrayList<>(stale.values());
    stale.clear();
    stateNonce = newStateNonce;
    pendingCount = 0;
    extendPendingRun();
    return removed;
  }

  /** Removes and returns every transaction (the sender may no longer send). */
  List<PooledTransaction> removeAll() {
    List<PooledTransaction> removed = new ArrayList<>(byNonce.values());
    byNonce.clear();
    pendingCount = 0;
    return removed;
  }

  /** The pending run in nonce order; valid until the queue next changes. */
  Iterator<PooledTransaction> pendingRun() {
    Iterator<PooledTransaction> tail = byNonce.tailMap(stateNonce).values().iterator();
    return new Iterator<>() {
      private int left = pendingCount;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public PooledTransaction next() {
        if (left == 0) {
          throw new NoSuchElementException();
        }
        left--;
        return tail.next();
      }
    };
  }

  private void extendPendingRun() {
    while (byNonce.containsKey(stateNonce + pendingCount)) {
      pendingCount++;
    }
  }
}
