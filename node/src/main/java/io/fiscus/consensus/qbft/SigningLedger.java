package io.fiscus.consensus.qbft;

import io.fiscus.types.Hash;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this node has signed at one height, rebuilt from {@link DurableRecord}s after a restart.
 * Every signature passes through here first; a conflicting one is an {@link InvariantViolation}.
 */
final class SigningLedger {
  private final TreeMap<Integer, Hash> proposals = new TreeMap<>();
  private final TreeMap<Integer, Hash> prepares = new TreeMap<>();
  private final TreeMap<Integer, Hash> commits = new TreeMap<>();
  private int highestRoundChange = -1;
  private int highestPreparedRoundClaimed = -1;

  Optional<Hash> prepareAt(int round) {
    return Optional.ofNullable(prepares.get(round));
  }

  Optional<Hash> proposalAt(int round) {
    return Optional.ofNullable(proposals.get(round));
  }

  boolean committedAt(int round) {
    return commits.containsKey(round);
  }

  int highestRoundChange() {
    return highestRoundChange;
  }

  void record(QbftMessage message) {
    int round = message.roundId().round();
    switch (message) {
      case QbftMessage.Proposal proposal ->
          put(proposals, round, proposal.block().commitSealHash(), "Proposal");
      case QbftMessage.Prepare prepare -> {
        requireNotAbandoned(round, "Prepare");
        put(prepares, round, prepare.signed().payload().digest(), "Prepare");
      }
      case QbftMessage.Commit commit -> {
        requireNotAbandoned(round, "Commit");
        put(commits, round, commit.signed().payload().digest(), "Commit");
      }
      case QbftMessage.RoundChange roundChange -> recordRoundChange(roundChange);
    }
  }

  private void recordRoundChange(QbftMessage.RoundChange roundChange) {
    int target = roundChange.roundId().round();
    if (target <= highestRoundChange) {
      throw new InvariantViolation(
          "round change to " + target + " after one to " + highestRoundChange);
    }
    int claimed =
        roundChange
            .signed()
            .payload()
            .prepared()
            .map(PreparedRoundMetadata::preparedRound)
            .orElse(-1);
    if (claimed < highestPreparedRoundClaimed) {
      throw new InvariantViolation(
          "round change claims prepared round "
              + claimed
              + " after "
              + highestPreparedRoundClaimed);
    }
    highestRoundChange = target;
    highestPreparedRoundClaimed = claimed;
  }

  private void requireNotAbandoned(int round, String kind) {
    if (round < highestRoundChange) {
      throw new InvariantViolation(
          kind + " for round " + round + " after leaving it by round change");
    }
  }

  private static void put(Map<Integer, Hash> signed, int round, Hash digest, String kind) {
    Hash earlier = signed.putIfAbsent(round, digest);
    if (earlier != null && !earlier.equals(digest)) {
      throw new InvariantViolation(
          "second " + kind + " in round " + round + ": " + digest + " after " + earlier);
    }
  }
}
