package io.fiscus.consensus.driver;

/**
 * How many transactions this node selects for its next proposal, so that building it takes about a
 * fixed share of the block period. It learns the cost per transaction from its own recent builds,
 * as Besu bounds transaction selection by time ({@code --poa-block-txs-selection-max-time}, 75% of
 * the block period by default).
 *
 * <p>Why: under a backlog a proposal of the configured maximum can take seconds to build, validate
 * and commit on a busy machine, longer than the round timeout; the round then changes and the work
 * is thrown away. Sizing by measured cost keeps every round short on the hardware at hand, and
 * throughput follows from the cadence instead of from ever larger blocks. A local policy only:
 * blocks from other proposers are accepted whatever their size, within the gas limit.
 */
final class ProposalSizer {
  /** Share of the block period a build may take, as a fraction in percent. */
  static final int BUILD_SHARE_PERCENT = 75;

  /** Never size a proposal below this, so one slow build cannot starve the chain. */
  static final int TRANSACTIONS_MIN = 200;

  /** Builds smaller than this say too little about the cost per transaction to learn from. */
  private static final int LEARN_FROM_TRANSACTIONS_MIN = 50;

  private final int transactionsMax;
  private final long budgetNanos;
  private double nanosPerTransaction;

  private ProposalSizer(int transactionsMax, long budgetNanos) {
    if (transactionsMax < 1 || budgetNanos < 1) {
      throw new IllegalArgumentException("a positive maximum and budget");
    }
    this.transactionsMax = transactionsMax;
    this.budgetNanos = budgetNanos;
  }

  /** Builds may take {@link #BUILD_SHARE_PERCENT} of the block period. */
  static ProposalSizer forBlockPeriod(long blockPeriodMillis, int transactionsMax) {
    return new ProposalSizer(
        transactionsMax, blockPeriodMillis * 1_000_000 * BUILD_SHARE_PERCENT / 100);
  }

  /** At most {@code transactionsMax}, however long building takes (tests, benchmarks). */
  static ProposalSizer fixed(int transactionsMax) {
    return new ProposalSizer(transactionsMax, Long.MAX_VALUE);
  }

  /** The most transactions to select for the next proposal. */
  synchronized int transactionsMax() {
    if (nanosPerTransaction == 0) {
      return transactionsMax;
    }
    double fitting = budgetNanos / nanosPerTransaction;
    return (int)
        Math.max(Math.min(transactionsMax, TRANSACTIONS_MIN), Math.min(transactionsMax, fitting));
  }

  /**
   * Learns from a finished build: an exponentially weighted average of the cost per transaction.
   */
  synchronized void built(int transactions, long nanos) {
    if (transactions < LEARN_FROM_TRANSACTIONS_MIN) {
      return;
    }
    double sample = (double) nanos / transactions;
    nanosPerTransaction =
        nanosPerTransaction == 0 ? sample : 0.7 * nanosPerTransaction + 0.3 * sample;
  }
}
