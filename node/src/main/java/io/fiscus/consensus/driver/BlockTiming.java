package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.QbftBlock;
import java.util.OptionalLong;

/**
 * When the next block may be built. The core's block-timer deadline counts from the parent's
 * timestamp, which is in whole seconds: with a sub-second period every block in the same second
 * would be due at once. So the driver also waits a full period from the moment it committed the
 * parent. Empty blocks wait for the empty-block period (or, without one, for transactions).
 */
final class BlockTiming {
  private final long blockPeriodMillis;
  private final OptionalLong emptyBlockPeriodMillis;
  private long parentHeight = -1;
  private long parentCommittedAtMillis;

  BlockTiming(long blockPeriodMillis, OptionalLong emptyBlockPeriodMillis) {
    this.blockPeriodMillis = blockPeriodMillis;
    this.emptyBlockPeriodMillis = emptyBlockPeriodMillis;
  }

  /** The local node committed block {@code height} at {@code nowMillis}. */
  void committed(long height, long nowMillis) {
    parentHeight = height;
    parentCommittedAtMillis = nowMillis;
  }

  /** The deadline to arm for the core's block timer of {@code height}. */
  long blockTimerDeadline(long height, long coreDeadlineMillis) {
    if (parentHeight != height - 1) {
      return coreDeadlineMillis;
    }
    return Math.max(coreDeadlineMillis, parentCommittedAtMillis + blockPeriodMillis);
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
