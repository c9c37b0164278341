package io.fiscus.rpc.limits;

/**
 * A token bucket: holds at most {@code burst} tokens, starts full, refills at {@code perSecond}
 * tokens a second, and each admitted request takes one. Over any interval of {@code t} nanoseconds
 * it therefore admits at most {@code burst + perSecond × t / 10⁹} requests.
 *
 * <p>Tokens are counted in billionths, so that a refill of {@code perSecond} tokens a second is
 * exactly {@code perSecond} billionths a nanosecond: the arithmetic is exact integers, with no
 * rounding to leak extra requests. The caller supplies the time (a monotonic nanosecond clock); the
 * bucket owns none. Not thread-safe: {@link KeyedRateLimiter} takes it under a lock.
 */
final class TokenBucket {
  /** Units of one token: the bucket counts billionths of a token. */
  static final long UNITS_PER_TOKEN = 1_000_000_000L;

  private final long perSecond;
  private final long capacityUnits;
  private long units;
  private long lastNanos;

  /**
   * @param limit a rate that is not off
   * @param nowNanos the time the bucket is created, full
   */
  TokenBucket(RateLimit limit, long nowNanos) {
    if (limit.isOff()) {
      throw new IllegalArgumentException("a token bucket needs a positive rate");
    }
    this.perSecond = limit.perSecond();
    this.capacityUnits = limit.burst() * UNITS_PER_TOKEN;
    this.units = capacityUnits;
    this.lastNanos = nowNanos;
  }

  /** Takes one token if there is one; a refusal takes nothing. */
  boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (units < UNITS_PER_TOKEN) {
      return false;
    }
    units -= UNITS_PER_TOKEN;
    return true;
  }

  /** Whether the bucket has refilled completely: it is then no different from a new one. */
  boolean isFull(long nowNanos) {
    refill(nowNanos);
    return units == capacityUnits;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed <= 0) {
      return;
    }
    lastNanos = nowNanos;
    long missing = capacityUnits - units;
    // Compare before multiplying: a long idle time times the rate could overflow.
    units =
        elapsed >= (missing + perSecond - 1) / perSecond
            ? capacityUnits
            : units + elapsed * perSecond;
  }
}
