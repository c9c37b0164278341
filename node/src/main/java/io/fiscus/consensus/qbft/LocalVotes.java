package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This node's pending {@code qbft_proposeValidatorVote} proposals. A block we build carries at most
 * one vote, cycling through the proposals that would still change something: an ADD for a
 * non-validator or a DROP for a validator that our latest on-chain vote does not already say.
 */
final class LocalVotes {
  private final TreeMap<Address, Vote.Kind> proposals = new TreeMap<>();
  private Address lastChosen;

  void propose(Address subject, Optional<Vote.Kind> kind) {
    if (kind.isPresent()) {
      proposals.put(subject, kind.get());
    } else {
      proposals.remove(subject);
    }
  }

  Optional<Vote> choose(Validators validators, VoteTally tally, Address self) {
    Map<Address, Vote.Kind> after =
        lastChosen == null ? proposals : proposals.tailMap(lastChosen, false);
    Optional<Vote> vote = firstUseful(after, validators, tally, self);
    if (vote.isEmpty()) {
      vote = firstUseful(proposals, validators, tally, self);
    }
    vote.ifPresent(v -> lastChosen = v.subject());
    return vote;
  }

  private static Optional<Vote> firstUseful(
      Map<Address, Vote.Kind> candidates, Validators validators, VoteTally tally, Address self) {
    for (Map.Entry<Address, Vote.Kind> entry : candidates.entrySet()) {
      Address subject = entry.getKey();
      Vote.Kind kind = entry.getValue();
      boolean changes = (kind == Vote.Kind.ADD) != validators.contains(subject);
      boolean alreadyCast = tally.pendingVote(self, subject).equals(Optional.of(kind));
      if (changes && !alreadyCast) {
        return Optional.of(new Vote(subject, kind));
      }
    }
    return Optional.empty();
  }
}
