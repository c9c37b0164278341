package io.fiscus.genesis;

import java.util.OptionalLong;

/**
 * The consensus timing of a chain, from {@code config.qbft}.
 *
 * @param blockPeriodMillis the minimum time between blocks (100..60000 ms)
 * @param requestTimeoutMillis the round-0 timeout; round r waits {@code requestTimeoutMillis × 2^r}
 * @param epochLength blocks between vote resets
 * @param emptyBlockPeriodMillis absent: the chain never produces an empty block and waits for
 *     transactions; present N: a block without transactions may be produced once N ms have passed
 *     since the parent block (0: at every block period)
 */
public record QbftOptions(
    long blockPeriodMillis,
    long requestTimeoutMillis,
    long epochLength,
    OptionalLong emptyBlockPeriodMillis) {
  public static final long DEFAULT_BLOCK_PERIOD_MILLIS = 1_000;
  public static final long MIN_BLOCK_PERIOD_MILLIS = 100;
  public static final long MAX_BLOCK_PERIOD_MILLIS = 60_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 4_000;
  public static final long MIN_REQUEST_TIMEOUT_MILLIS = 100;
  public static final long MAX_REQUEST_TIMEOUT_MILLIS = 600_000;
  public static final long DEFAULT_EPOCH_LENGTH = 30_000;

  public QbftOptions {
    if (blockPeriodMillis < MIN_BLOCK_PERIOD_MILLIS
        || blockPeriodMillis > MAX_BLOCK_PERIOD_MILLIS) {
      throw new IllegalArgumentException("block period out of range: " + blockPeriodMillis);
    }
    if (requestTimeoutMillis < MIN_REQUEST_TIMEOUT_MILLIS
        || requestTimeoutMillis > MAX_REQUEST_TIMEOUT_MILLIS) {
      throw new IllegalArgumentException("request timeout out of range: " + requestTimeoutMillis);
    }
    if (epochLength < 1) {
      throw new IllegalArgumentException("epoch length must be positive: " + epochLength);
    }
    if (emptyBlockPeriodMillis.isPresent() && emptyBlockPeriodMillis.getAsLong() < 0) {
      throw new IllegalArgumentException("empty block period must not be negative");
    }
  }

  /** The defaults with {@code blockPeriodMillis}; no empty blocks. */
  public static QbftOptions withBlockPeriod(long blockPeriodMillis) {
    return new QbftOptions(
        blockPeriodMillis,
        DEFAULT_REQUEST_TIMEOUT_MILLIS,
        DEFAULT_EPOCH_LENGTH,
        OptionalLong.empty());
  }

  /** True if a block without transactions may ever be produced. */
  public boolean producesEmptyBlocks() {
    return emptyBlockPeriodMillis.isPresent();
  }
}
