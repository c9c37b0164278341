package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The validated messages of one round: the first proposal, one prepare and commit per author. */
final class RoundState {
  private Optional<QbftMessage.Proposal> proposal = Optional.empty();
  private final TreeMap<Address, Signed<Payload.Prepare>> prepares = new TreeMap<>();
  private final TreeMap<Address, Signed<Payload.Commit>> commits = new TreeMap<>();
  boolean prepareSent;
  boolean commitSent;

  Optional<QbftMessage.Proposal> proposal() {
    return proposal;
  }

  void setProposal(QbftMessage.Proposal accepted) {
    if (proposal.isPresent()) {
      throw new InvariantViolation("second proposal accepted in round " + accepted.roundId());
    }
    proposal = Optional.of(accepted);
  }

  /** Adds a prepare; returns the conflicting earlier one if this author already sent another. */
  Optional<Signed<Payload.Prepare>> addPrepare(Signed<Payload.Prepare> prepare) {
    Signed<Payload.Prepare> earlier = prepares.putIfAbsent(prepare.author(), prepare);
    return earlier == null || earlier.equals(prepare) ? Optional.empty() : Optional.of(earlier);
  }

  boolean hasPrepare(Signed<Payload.Prepare> prepare) {
    return prepare.equals(prepares.get(prepare.author()));
  }

  Optional<Signed<Payload.Commit>> addCommit(Signed<Payload.Commit> commit) {
    Signed<Payload.Commit> earlier = commits.putIfAbsent(commit.author(), commit);
    return earlier == null || earlier.equals(commit) ? Optional.empty() : Optional.of(earlier);
  }

  boolean hasCommit(Signed<Payload.Commit> commit) {
    return commit.equals(commits.get(commit.author()));
  }

  /** Prepares for the proposal's digest, in author order. */
  List<Signed<Payload.Prepare>> matchingPrepares() {
    List<Signed<Payload.Prepare>> matching = new ArrayList<>();
    if (proposal.isPresent()) {
      Hash digest = proposal.get().block().commitSealHash();
      for (Signed<Payload.Prepare> prepare : prepares.values()) {
        if (prepare.payload().digest().equals(digest)) {
          matching.add(prepare);
        }
      }
    }
    return matching;
  }

  /** Commit seals for the proposal's digest, in author order. */
  List<Signature> matchingSeals() {
    List<Signature> seals = new ArrayList<>();
    if (proposal.isPresent()) {
      Hash digest = proposal.get().block().commitSealHash();
      for (Signed<Payload.Commit> commit : commits.values()) {
        if (commit.payload().digest().equals(digest)) {
          seals.add(commit.payload().commitSeal());
        }
      }
    }
    return seals;
  }
}
