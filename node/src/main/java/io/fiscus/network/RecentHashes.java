package io.fiscus.network;

import io.fiscus.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} hashes seen, for gossip deduplication: a message seen again is not
 * passed on again. The oldest hash is forgotten first. Thread-safe.
 */
final class RecentHashes {
  private final LinkedHashMap<Hash, Boolean> seen;

  RecentHashes(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("remembers at least one hash");
    }
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records {@code hash}; true if it was not seen before (among the remembered ones). */
  synchronized boolean add(Hash hash) {
    return seen.put(hash, Boolean.TRUE) == null;
  }

  synchronized boolean contains(Hash hash) {
    return seen.containsKey(hash);
  }
}
