package io.fiscus.bench.load;

/**
 * When each batch of an open-loop run is due. Transactions are numbered 0..total-1 and grouped in
 * consecutive batches; batch {@code k} is due at {@code k × batchSize / rate} seconds after the
 * start, whatever happened to the batches before it (that is what makes the loop open). Integer
 * arithmetic only, so the schedule never drifts.
 *
 * @param transactionsPerSecond the offered rate
 * @param durationSeconds how long transactions are offered
 * @param batchSize transactions per JSON-RPC batch
 */
public record OpenLoopSchedule(int transactionsPerSecond, int durationSeconds, int batchSize) {
  /** The node refuses JSON-RPC batches above 1024 calls (RPC.md). */
  public static final int BATCH_SIZE_MAX = 1024;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public OpenLoopSchedule {
    if (transactionsPerSecond <= 0 || durationSeconds <= 0) {
      throw new IllegalArgumentException("rate and duration must be positive");
    }
    if (batchSize <= 0 || batchSize > BATCH_SIZE_MAX) {
      throw new IllegalArgumentException("batch size must be 1.." + BATCH_SIZE_MAX);
    }
    if ((long) transactionsPerSecond * durationSeconds > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many transactions for one run");
    }
  }

  /** All transactions of the run. */
  public int totalTransactions() {
    return transactionsPerSecond * durationSeconds;
  }

  /** Batches in the run; the last one may be short. */
  public int batchCount() {
    return (totalTransactions() + batchSize - 1) / batchSize;
  }

  /** The first transaction of batch {@code batch}. */
  public int firstTransaction(int batch) {
    checkBatch(batch);
    return batch * batchSize;
  }

  /** One past the last transaction of batch {@code batch}. */
  public int endTransaction(int batch) {
    checkBatch(batch);
    return Math.min(totalTransactions(), (batch + 1) * batchSize);
  }

  /** When batch {@code batch} is due, in nanoseconds after the start of the run. */
  public long dueNanos(int batch) {
    checkBatch(batch);
    return (long) batch * batchSize * NANOS_PER_SECOND / transactionsPerSecond;
  }

  /** The nominal gap between two batches (the schedule itself uses {@link #dueNanos}). */
  public long intervalNanos() {
    return batchSize * NANOS_PER_SECOND / transactionsPerSecond;
  }

  private void checkBatch(int batch) {
    if (batch < 0 || batch >= batchCount()) {
      throw new IndexOutOfBoundsException("batch " + batch + " of " + batchCount());
    }
  }
}
