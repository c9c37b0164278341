package io.fiscus.rpc.limits;

/**
 * A sustained rate with a burst allowance, for one token bucket per client.
 *
 * @param perSecond requests a second sustained; 0 turns the limit off
 * @param burst requests admitted at once after a quiet spell (the bucket's size), at least 1
 */
public record RateLimit(long perSecond, long burst) {
  /** Burst sizes above this would overflow the bucket's integer arithmetic. */
  public static final long BURST_MAX = Long.MAX_VALUE / TokenBucket.UNITS_PER_TOKEN;

  public RateLimit {
    if (perSecond < 0 || burst < 1 || burst > BURST_MAX || perSecond > BURST_MAX) {
      throw new IllegalArgumentException(
          "a rate limit needs perSecond >= 0 and 1 <= burst <= " + BURST_MAX + ": " + this);
    }
  }

  /** No limit. */
  public static RateLimit off() {
    return new RateLimit(0, 1);
  }

  public boolean isOff() {
    return perSecond == 0;
  }
}
