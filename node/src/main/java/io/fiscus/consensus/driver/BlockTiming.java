package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.QbftBlock;
import java.util.OptionalLong;

/**
 * When the next block may be built. The core's block-timer deadline counts from the parent's
 * timestamp, which is in whole seconds: with a sub-second period every block in the same second
 * would be due at once. So the driver also keeps a full period between the local block timers of
 * consecutive heights: the period runs while the parent is built, decided and committed, so under
 * load blocks follow each other at {@code max(period, build + commit)} rather than at their sum
 * (measured at 250 ms: 710 ms per 5,000-transfer block counting from the commit, 460 ms from the
 * timer). A parent whose timer did not fire here (synced, or before a restart) counts from its
 * local commit. Empty blocks wait for the empty-block period (or, without one, for transactions).
 */
final class BlockTiming {
  private final long blockPeriodMillis;
  private final OptionalLong emptyBlockPeriodMillis;
  private long parentHeight = -1;
  private long parentCommittedAtMillis;
  private long timerHeight = -1;
  private long timerFiredAtMillis;

  BlockTiming(long blockPeriodMillis, OptionalLong emptyBlockPeriodMillis) {
    this.blockPeriodMillis = blockPeriodMillis;
    this.emptyBlockPeriodMillis = emptyBlockPeriodMillis;
  }

  /** The local node committed block {@code height} at {@code nowMillis}. */
  void committed(long height, long nowMillis) {
    parentHeight = height;
    parentCommittedAtMillis = nowMillis;
  }

  /**
   * The block timer of {@code height} fired here (was delivered to the core) at {@code nowMillis}.
   */
  void blockTimerFired(long height, long nowMillis) {
    timerHeight = height;
    timerFiredAtMillis = nowMillis;
  }

  /** The deadline to arm for the core's block timer of {@code height}. */
  long blockTimerDeadline(long height, long coreDeadlineMillis) {
    if (parentHeight != height - 1) {
      return coreDeadlineMillis;
    }
    long periodStart = timerHeight == height - 1 ? timerFiredAtMillis : parentCommittedAtMillis;
    return Math.max(coreDeadlineMillis, periodStart + blockPeriodMillis);
  }

  /**
   * When an empty child of {@code parent} may be built: the empty-block period after the parent was
   * committed here (or, if it was not, after its timestamp); empty if never.
   */
  OptionalLong emptyBlockAllowedAtMillis(QbftBlock parent) {
    if (emptyBlockPeriodMillis.isEmpty()) {
      return OptionalLong.empty();
    }
    long parentMillis =
        parentHeight == parent.height()
            ? parentCommittedAtMillis
            : parent.timestampSeconds() * 1000;
    return OptionalLong.of(parentMillis + emptyBlockPeriodMillis.getAsLong());
  }

  /** Whether a block timer expiring now must wait: nothing to include and no empty block due. */
  boolean mustHold(QbftBlock parent, int pendingTransactions, long nowMillis) {
    if (pendingTransactions > 0) {
      return false;
    }
    OptionalLong allowedAt = emptyBlockAllowedAtMillis(parent);
    return allowedAt.isEmpty() || nowMillis < allowedAt.getAsLong();
  }
}
