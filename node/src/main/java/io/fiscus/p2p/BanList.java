package io.fiscus.p2p;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who is banned, and until when: a misbehaving peer (by node key) or, for garbage before any hello,
 * a remote address. Every ban lasts the same configured time from the offence; an offence during a
 * ban starts it again. Thread-safe; bounded to {@code entriesMax} (expired entries go first, then
 * the bans nearest their end).
 *
 * @param <K> what is banned: a {@link PeerId} or an address
 */
public final class BanList<K> {
  private final long banNanos;
  private final int entriesMax;
  private final LongSupplier nanoTime;
  private final Map<K, Long> bannedUntilNanos = new HashMap<>();

  /**
   * @param ban how long each ban lasts
   * @param entriesMax the most bans remembered at once
   * @param nanoTime the clock (System::nanoTime, or a test's)
   */
  public BanList(Duration ban, int entriesMax, LongSupplier nanoTime) {
    if (ban.isNegative() || ban.isZero() || entriesMax <= 0) {
      throw new IllegalArgumentException("need a positive ban and entriesMax");
    }
    this.banNanos = ban.toNanos();
    this.entriesMax = entriesMax;
    this.nanoTime = nanoTime;
  }

  /** Bans {@code key} from now for the configured time; returns that time. */
  public synchronized Duration ban(K key) {
    long now = nanoTime.getAsLong();
    if (!bannedUntilNanos.containsKey(key) && bannedUntilNanos.size() >= entriesMax) {
      makeRoom(now);
    }
    bannedUntilNanos.put(key, now + banNanos);
    return Duration.ofNanos(banNanos);
  }

  public synchronized boolean isBanned(K key) {
    return !remaining(key).isZero();
  }

  /** How long {@code key} stays banned; zero if it is not. */
  public synchronized Duration remaining(K key) {
    Long until = bannedUntilNanos.get(key);
    if (until == null) {
      return Duration.ZERO;
    }
    long left = until - nanoTime.getAsLong();
    if (left <= 0) {
      bannedUntilNanos.remove(key);
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  /** The bans in force now. */
  public synchronized int size() {
    long now = nanoTime.getAsLong();
    bannedUntilNanos.values().removeIf(until -> until - now <= 0);
    return bannedUntilNanos.size();
  }

  private void makeRoom(long now) {
    bannedUntilNanos.values().removeIf(until -> until - now <= 0);
    while (bannedUntilNanos.size() >= entriesMax) {
      K soonest = null;
      long soonestUntil = Long.MAX_VALUE;
      for (Map.Entry<K, Long> entry : bannedUntilNanos.entrySet()) {
        if (soonest == null || entry.getValue() - soonestUntil < 0) {
          soonest = entry.getKey();
          soonestUntil = entry.getValue();
        }
      }
      bannedUntilNanos.remove(soonest);
    }
  }
}
