package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.CommitSeals;
import io.fiscus.consensus.qbft.PreparedRoundMetadata;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.RoundId;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches every honest node: agreement (one block per height), validity (a quorum of valid seals
 * from that height's validators) and no double signing, across crashes and restarts.
 */
final class SafetyChecker {
  private final SignatureRecovery recovery;
  private final TreeMap<Long, Hash> decided = new TreeMap<>();
  private final Map<String, Hash> signed = new HashMap<>();
  private final Map<String, int[]> roundChanges = new HashMap<>();
  private final List<String> violations = new ArrayList<>();

  SafetyChecker(SignatureRecovery recovery) {
    this.recovery = recovery;
  }

  List<String> violations() {
    return violations;
  }

  void onFinalized(SimNode node, QbftBlock block, Validators validators) {
    Hash earlier = decided.putIfAbsent(block.height(), block.hash());
    if (earlier != null && !earlier.equals(block.hash())) {
      violations.add(node + " finalized a second block at height " + block.height());
    }
    if (CommitSeals.validate(block, validators, recovery) instanceof Validation.Invalid invalid) {
      violations.add(node + " finalized block " + block.height() + " with " + invalid);
    }
  }

  void onSigned(SimNode node, QbftMessage message) {
    RoundId id = message.roundId();
    String slot = node.index + "/" + id.height();
    switch (message) {
      case QbftMessage.Prepare prepare -> {
        checkNotAbandoned(node, slot, id);
        same(node, slot + "/" + id.round() + "/prepare", prepare.signed().payload().digest());
      }
      case QbftMessage.Commit commit -> {
        checkNotAbandoned(node, slot, id);
        same(node, slot + "/" + id.round() + "/commit", commit.signed().payload().digest());
      }
      case QbftMessage.Proposal proposal ->
          same(node, slot + "/" + id.round() + "/proposal", proposal.block().commitSealHash());
      case QbftMessage.RoundChange roundChange -> {
        int claimed =
            roundChange
                .signed()
                .payload()
                .prepared()
                .map(PreparedRoundMetadata::preparedRound)
                .orElse(-1);
        int[] last = roundChanges.computeIfAbsent(slot, s -> new int[] {-1, -1});
        boolean resent = id.round() == last[0] && claimed == last[1];
        if (!resent && (id.round() <= last[0] || claimed < last[1])) {
          violations.add(node + " contradicted its round change at " + id);
        }
        last[0] = id.round();
        last[1] = claimed;
      }
    }
  }

  private void checkNotAbandoned(SimNode node, String slot, RoundId id) {
    int[] last = roundChanges.get(slot);
    if (last != null && id.round() < last[0]) {
      violations.add(node + " signed in round " + id + " after leaving it");
    }
  }

  private void same(SimNode node, String slot, Hash digest) {
    Hash earlier = signed.putIfAbsent(slot, digest);
    if (earlier != null && !earlier.equals(digest)) {
      violations.add(node + " double-signed " + slot);
    }
  }
}
