package io.fiscus.contracts.registry;

/**
 * The limits of a wallet tier in minor units; 0 means unlimited. {@code maxBalance} bounds the
 * recipient's balance after a transfer, {@code maxTransfer} one transfer, {@code dailyOutLimit} the
 * sender's outflow over a UTC day.
 */
public record TierLimits(long maxBalance, long maxTransfer, long dailyOutLimit) {
  public static final TierLimits UNLIMITED = new TierLimits(0, 0, 0);

  public TierLimits {
    if (maxBalance < 0 || maxTransfer < 0 || dailyOutLimit < 0) {
      throw new IllegalArgumentException("limits must be non-negative");
    }
  }
}
