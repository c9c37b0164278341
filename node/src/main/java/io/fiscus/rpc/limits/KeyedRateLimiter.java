package io.fiscus.rpc.limits;

import io.fiscus.p2p.TokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per key (an IP address, a caller), created on the key's first request.
 *
 * <p>Memory stays bounded under many keys: a bucket unused for as long as it takes to refill
 * completely says nothing a new bucket would not, so it is dropped. Such buckets are swept at most
 * once per {@link #SWEEP_INTERVAL_NANOS} when a new key arrives. If {@code keysMax} keys are still
 * live after a sweep, a new key is refused (fail closed) rather than an active bucket forgotten,
 * which would hand a flooding client a fresh burst. Thread-safe: each bucket is used under its map
 * entry's lock.
 */
final class KeyedRateLimiter<K> {
  static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

  /** A key's bucket and when it was last asked: idle for {@code refillNanos}, it is full. */
  private static final class Entry {
    final TokenBucket bucket;
    long lastUsedNanos;

    Entry(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }

  /** What became of one request. */
  enum Outcome {
    ADMITTED,
    /** The key's bucket is empty. */
    OVER_RATE,
    /** The key is new and {@code keysMax} other keys are active. */
    TOO_MANY_KEYS
  }

  private final RateLimit limit;
  private final int keysMax;
  private final LongSupplier nanoClock;
  private final long refillNanos;
  private final Map<K, Entry> buckets = new ConcurrentHashMap<>();
  private final Object sweepLock = new Object();
  private long lastSweepNanos;

  /**
   * @param nanoClock a monotonic clock ({@code System::nanoTime} in the node)
   */
  KeyedRateLimiter(RateLimit limit, int keysMax, LongSupplier nanoClock) {
    if (keysMax <= 0) {
      throw new IllegalArgumentException("keysMax must be positive: " + keysMax);
    }
    this.limit = limit;
    this.keysMax = keysMax;
    this.nanoClock = nanoClock;
    this.refillNanos = limit.isOff() ? 0 : limit.refillNanos();
    this.lastSweepNanos = nanoClock.getAsLong();
  }

  /** Takes one token from {@code key}'s bucket; with the limit off, admits everything. */
  Outcome tryAcquire(K key) {
    if (limit.isOff()) {
      return Outcome.ADMITTED;
    }
    long now = nanoClock.getAsLong();
    if (!buckets.containsKey(key)) {
      sweep(now);
      if (buckets.size() >= keysMax) {
        return Outcome.TOO_MANY_KEYS;
      }
    }
    boolean[] admitted = new boolean[1];
    buckets.compute(
        key,
        (unused, entry) -> {
          Entry current =
              entry != null
                  ? entry
                  : new Entry(new TokenBucket(limit.burst(), limit.perSecond(), now));
          admitted[0] = current.bucket.tryTake(now);
          current.lastUsedNanos = now;
          return current;
        });
    return admitted[0] ? Outcome.ADMITTED : Outcome.OVER_RATE;
  }

  /** Keys with a bucket, i.e. seen recently enough that their bucket may not be full again. */
  int trackedKeys() {
    return buckets.size();
  }

  /** Drops full buckets now, whenever the last sweep was; for tests. */
  void sweepNow() {
    synchronized (sweepLock) {
      dropFull(nanoClock.getAsLong());
    }
  }

  private void sweep(long now) {
    synchronized (sweepLock) {
      if (now - lastSweepNanos < SWEEP_INTERVAL_NANOS) {
        return;
      }
      lastSweepNanos = now;
      dropFull(now);
    }
  }

  private void dropFull(long now) {
    // Per key, atomically with tryAcquire: a bucket drained between a check and its removal
    // would otherwise be forgotten and its client given a fresh burst.
    for (K key : buckets.keySet()) {
      buckets.computeIfPresent(
          key, (unused, entry) -> now - entry.lastUsedNanos >= refillNanos ? null : entry);
    }
  }
}
