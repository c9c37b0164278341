package io.fiscus.client;

/**
 * A wallet tier's limits; zero means unlimited. Accounts holding a role are exempt.
 *
 * @param maxBalance the highest balance an account of the tier may hold
 * @param maxTransfer the largest single payment it may make
 * @param dailyOutLimit the most it may pay out per UTC day
 */
public record TierLimits(Amount maxBalance, Amount maxTransfer, Amount dailyOutLimit) {
  /** No limits (tier 3's default). */
  public static final TierLimits UNLIMITED = new TierLimits(Amount.ZERO, Amount.ZERO, Amount.ZERO);
}
