package io.fiscus.p2p;

/**
 * A token bucket on a caller-supplied clock: {@code capacity} tokens, refilled at {@code
 * tokensPerSecond}. One bucket per peer meters its inbound frames. Not thread-safe: a peer's frames
 * arrive on one event-loop thread.
 */
public final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long capacity;
  private final long tokensPerSecond;
  private long tokens;
  private long lastRefillNanos;
  // Refill credit below one token, in token-nanoseconds, so slow rates are not rounded away.
  private long remainderTokenNanos;

  public TokenBucket(long capacity, long tokensPerSecond, long nowNanos) {
    if (capacity <= 0 || tokensPerSecond <= 0) {
      throw new IllegalArgumentException("capacity and rate must be positive");
    }
    this.capacity = capacity;
    this.tokensPerSecond = tokensPerSecond;
    this.tokens = capacity;
    this.lastRefillNanos = nowNanos;
  }

  /** Takes one token if there is one. */
  public boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens == 0) {
      return false;
    }
    tokens--;
    return true;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastRefillNanos;
    if (elapsed <= 0) {
      return;
    }
    lastRefillNanos = nowNanos;
    if (tokens == capacity) {
      remainderTokenNanos = 0;
      return;
    }
    // Cap the elapsed time so the product cannot overflow; a second fills a bucket of any rate.
    long credit = remainderTokenNanos + Math.min(elapsed, 10 * NANOS_PER_SECOND) * tokensPerSecond;
    long added = credit / NANOS_PER_SECOND;
    remainderTokenNanos = credit % NANOS_PER_SECOND;
    tokens = Math.min(capacity, tokens + added);
    if (tokens == capacity) {
      remainderTokenNanos = 0;
    }
  }
}
