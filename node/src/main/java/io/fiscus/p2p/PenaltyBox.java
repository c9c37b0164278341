package io.fiscus.p2p;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps misbehaving peers away for a growing time: the first offence bars a peer for {@code first},
 * each further one doubles it up to {@code max}. A peer that stays clean for {@code max} after its
 * bar ends starts again from {@code first}. Thread-safe; bounded to {@code peersMax} remembered
 * peers (the oldest expired entries go first).
 */
public final class PenaltyBox {
  private record Bar(int offences, long barredUntilNanos) {}

  private final long firstNanos;
  private final long maxNanos;
  private final int peersMax;
  private final LongSupplier nanoTime;
  private final Map<PeerId, Bar> records = new HashMap<>();

  public PenaltyBox(Duration first, Duration max, int peersMax, LongSupplier nanoTime) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
    this.peersMax = peersMax;
    this.nanoTime = nanoTime;
  }

  /** Records an offence and returns how long the peer is now barred. */
  public synchronized Duration penalize(PeerId peer) {
    long now = nanoTime.getAsLong();
    Bar previous = records.get(peer);
    int offences =
        previous == null || now - previous.barredUntilNanos() > maxNanos
            ? 1
            : previous.offences() + 1;
    long bar = firstNanos;
    for (int i = 1; i < offences && bar < maxNanos; i++) {
      bar = Math.min(maxNanos, bar * 2);
    }
    if (previous == null && records.size() >= peersMax) {
      forgetExpired(now);
    }
    if (previous != null || records.size() < peersMax) {
      records.put(peer, new Bar(offences, now + bar));
    }
    return Duration.ofNanos(bar);
  }

  public synchronized boolean isPenalized(PeerId peer) {
    return remaining(peer).compareTo(Duration.ZERO) > 0;
  }

  /** How long the peer stays barred; zero if it is not. */
  public synchronized Duration remaining(PeerId peer) {
    Bar record = records.get(peer);
    if (record == null) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, record.barredUntilNanos() - nanoTime.getAsLong()));
  }

  private void forgetExpired(long now) {
    records.values().removeIf(r -> now - r.barredUntilNanos() > maxNanos);
    if (records.size() >= peersMax) {
      records.values().removeIf(r -> r.barredUntilNanos() <= now);
    }
  }
}
