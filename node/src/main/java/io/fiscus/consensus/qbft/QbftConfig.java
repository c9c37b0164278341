package io.fiscus.consensus.qbft;

/**
 * Consensus parameters, all times in milliseconds.
 *
 * @param blockPeriodMillis time from the parent's timestamp to the next block timer
 * @param roundTimeoutBaseMillis round r lasts {@code base × 2^r}
 * @param epochLength blocks whose number is a multiple of this reset the vote tally
 * @param futureHeightDistanceMax future-height messages further ahead than this are dropped
 * @param futureMessagesMax total future-height messages buffered
 * @param roundLookaheadMax messages for rounds further ahead of the current one are dropped, which
 *     bounds the per-height state a Byzantine validator can make us hold
 */
public record QbftConfig(
    long blockPeriodMillis,
    long roundTimeoutBaseMillis,
    long epochLength,
    int futureHeightDistanceMax,
    int futureMessagesMax,
    int roundLookaheadMax) {

  public QbftConfig {
    if (blockPeriodMillis < 0 || roundTimeoutBaseMillis <= 0 || epochLength <= 0) {
      throw new IllegalArgumentException("periods and epoch length must be positive");
    }
    if (futureHeightDistanceMax < 0 || futureMessagesMax < 0 || roundLookaheadMax < 1) {
      throw new IllegalArgumentException("bounds must be non-negative");
    }
  }

  /** Besu's defaults for the buffers (distance 10, 1000 messages) and epoch (30000). */
  public static QbftConfig of(long blockPeriodMillis, long roundTimeoutBaseMillis) {
    return new QbftConfig(blockPeriodMillis, roundTimeoutBaseMillis, 30_000, 10, 1_000, 32);
  }

  public QbftConfig withEpochLength(long length) {
    return new QbftConfig(
        blockPeriodMillis,
        roundTimeoutBaseMillis,
        length,
        futureHeightDistanceMax,
        futureMessagesMax,
        roundLookaheadMax);
  }

  /** The duration of round {@code round}: {@code base × 2^round}, saturating far beyond need. */
  public long roundTimeoutMillis(int round) {
    return roundTimeoutBaseMillis << Math.min(round, 30);
  }

  /** The block timer deadline for the child of a block stamped {@code parentTimestampSeconds}. */
  public long blockTimerDeadlineMillis(long parentTimestampSeconds) {
    return parentTimestampSeconds * 1000 + blockPeriodMillis;
  }

  /**
   * The timestamp (seconds) of a block built at {@code nowMillis}: now rounded to the nearest
   * second, but never earlier than the parent plus the whole seconds of the block period.
   */
  public long blockTimestampSeconds(long nowMillis, long parentTimestampSeconds) {
    return Math.max(parentTimestampSeconds + blockPeriodMillis / 1000, (nowMillis + 500) / 1000);
  }
}
