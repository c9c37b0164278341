package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Valid round changes of one height: one per author per target round. */
final class RoundChangeCollector {
  private final TreeMap<Integer, TreeMap<Address, QbftMessage.RoundChange>> byRound =
      new TreeMap<>();

  /** Adds a round change; returns the earlier, different one if the author sent two. */
  Optional<QbftMessage.RoundChange> add(QbftMessage.RoundChange roundChange) {
    QbftMessage.RoundChange earlier =
        byRound
            .computeIfAbsent(roundChange.roundId().round(), round -> new TreeMap<>())
            .putIfAbsent(roundChange.author(), roundChange);
    return earlier == null || earlier.equals(roundChange) ? Optional.empty() : Optional.of(earlier);
  }

  boolean contains(QbftMessage.RoundChange roundChange) {
    TreeMap<Address, QbftMessage.RoundChange> authors = byRound.get(roundChange.roundId().round());
    return authors != null && roundChange.equals(authors.get(roundChange.author()));
  }

  int count(int round) {
    TreeMap<Address, QbftMessage.RoundChange> authors = byRound.get(round);
    return authors == null ? 0 : authors.size();
  }

  /** The round changes for {@code round}, in author order. */
  List<QbftMessage.RoundChange> forRound(int round) {
    TreeMap<Address, QbftMessage.RoundChange> authors = byRound.get(round);
    return authors == null ? List.of() : new ArrayList<>(authors.values());
  }

  /**
   * The prepared certificate to re-propose in {@code round}: the one with the highest prepared
   * round, ties broken by author order.
   */
  Optional<QbftMessage.RoundChange> highestPrepared(int round) {
    QbftMessage.RoundChange best = null;
    int bestRound = -1;
    for (QbftMessage.RoundChange roundChange : forRound(round)) {
      Optional<PreparedRoundMetadata> prepared = roundChange.signed().payload().prepared();
      if (prepared.isPresent() && prepared.get().preparedRound() > bestRound) {
        best = roundChange;
        bestRound = prepared.get().preparedRound();
      }
    }
    return Optional.ofNullable(best);
  }

  void dropBelow(int round) {
    SortedMap<Integer, TreeMap<Address, QbftMessage.RoundChange>> below = byRound.headMap(round);
    below.clear();
  }
}
