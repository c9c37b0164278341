package io.fiscus.rpc.limits;

/**
 * A sustained rate with a burst allowance, for one token bucket per client.
 *
 * @param perSecond requests a second sustained, at most {@link #PER_SECOND_MAX}; 0 turns the limit
 *     off
 * @param burst requests admitted at once after a quiet spell (the bucket's size), from 1 to {@link
 *     #BURST_MAX}
 */
public record RateLimit(long perSecond, long burst) {
  /** Far above any node's capacity, and low enough for the bucket's arithmetic not to overflow. */
  public static final long PER_SECOND_MAX = 1_000_000;

  public static final long BURST_MAX = 1_000_000_000;

  public RateLimit {
    if (perSecond < 0 || perSecond > PER_SECOND_MAX || burst < 1 || burst > BURST_MAX) {
      throw new IllegalArgumentException(
          "a rate limit needs 0 <= perSecond <= "
              + PER_SECOND_MAX
              + " and 1 <= burst <= "
              + BURST_MAX
              + ": "
              + this);
    }
  }

  /** No limit. */
  public static RateLimit off() {
    return new RateLimit(0, 1);
  }

  public boolean isOff() {
    return perSecond == 0;
  }

  /** How long an emptied bucket takes to fill up again, rounded up. */
  long refillNanos() {
    return (burst * 1_000_000_000L + perSecond - 1) / perSecond;
  }
}
