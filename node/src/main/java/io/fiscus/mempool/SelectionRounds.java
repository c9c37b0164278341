package io.fiscus.mempool;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The order in which {@link Mempool#select} visits senders: round one walks the senders in order of
 * first arrival (lazily, so a small block touches few senders); each later round visits, in the
 * same order, the senders whose turn was put back. A turn is a sender's pending run, consumed one
 * transaction per visit.
 */
final class SelectionRounds {
  private final Iterator<SenderQueue> firstRound;
  private final ArrayDeque<Iterator<PooledTransaction>> laterRounds = new ArrayDeque<>();
  private Iterator<PooledTransaction> upcoming;

  SelectionRounds(Iterator<SenderQueue> sendersByArrival) {
    this.firstRound = sendersByArrival;
  }

  boolean hasNext() {
    while (upcoming == null && firstRound.hasNext()) {
      SenderQueue queue = firstRound.next();
      if (queue.pendingCount() > 0) {
        upcoming = queue.pendingRun();
      }
    }
    return upcoming != null || !laterRounds.isEmpty();
  }

  /** The next sender's turn; take one transaction from it, then {@link #putBack} it or not. */
  Iterator<PooledTransaction> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (upcoming != null) {
      Iterator<PooledTransaction> turn = upcoming;
      upcoming = null;
      return turn;
    }
    return laterRounds.removeFirst();
  }

  /** Gives the sender another turn in the next round, if its run has more. */
  void putBack(Iterator<PooledTransaction> turn) {
    if (turn.hasNext()) {
      laterRounds.addLast(turn);
    }
  }
}
