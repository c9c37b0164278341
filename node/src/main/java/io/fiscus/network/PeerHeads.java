package io.fiscus.network;

import io.fiscus.p2p.PeerId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The head each peer claims (hello, STATUS, NEW_BLOCK): a hint, lowered as soon as the peer shows
 * less. Used by one thread (sync's).
 */
final class PeerHeads {
  private final TreeMap<PeerId, Long> heads = new TreeMap<>();

  /** {@code peer} announced block {@code number}; heads only grow by announcement. */
  void announced(PeerId peer, long number) {
    heads.merge(peer, number, Math::max);
  }

  /** {@code peer} showed it does not have block {@code number}. */
  void lacks(PeerId peer, long number) {
    heads.computeIfPresent(peer, (p, head) -> Math.min(head, number - 1));
  }

  void forget(PeerId peer) {
    heads.remove(peer);
  }

  /** The head {@code peer} claims, or -1. */
  long of(PeerId peer) {
    return heads.getOrDefault(peer, -1L);
  }

  /** The highest head among the {@code connected} peers, or -1. */
  long best(Set<PeerId> connected) {
    long best = -1;
    for (Map.Entry<PeerId, Long> entry : heads.entrySet()) {
      if (connected.contains(entry.getKey())) {
        best = Math.max(best, entry.getValue());
      }
    }
    return best;
  }
}
