package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Block-header validator voting (Besu's {@code VoteTally}), immutable. Each validator's latest vote
 * on a subject counts once; when votes of one kind reach {@code floor(n/2)+1} the subject is added
 * or dropped and every pending vote on it is cleared (a dropped validator's own votes too). A block
 * whose number is a multiple of the epoch length clears all pending votes and its own vote is
 * ignored. A tally that includes block N gives the validators of block N+1.
 *
 * @param pending subject → (voter → kind)
 */
public record VoteTally(
    Validators validators, SortedMap<Address, SortedMap<Address, Vote.Kind>> pending) {

  public VoteTally {
    TreeMap<Address, SortedMap<Address, Vote.Kind>> copy = new TreeMap<>();
    pending.forEach(
        (subject, votes) ->
            copy.put(subject, Collections.unmodifiableSortedMap(new TreeMap<>(votes))));
    pending = Collections.unmodifiableSortedMap(copy);
  }

  public static VoteTally genesis(Validators validators) {
    return new VoteTally(validators, new TreeMap<>());
  }

  /** The vote {@code voter} has pending on {@code subject}, if any. */
  public Optional<Vote.Kind> pendingVote(Address voter, Address subject) {
    SortedMap<Address, Vote.Kind> votes = pending.get(subject);
    return votes == null ? Optional.empty() : Optional.ofNullable(votes.get(voter));
  }

  /** The tally after {@code block} (proposed by its coinbase) is added to the chain. */
  public VoteTally apply(QbftBlock block, long epochLength) {
    if (block.height() % epochLength == 0) {
      return new VoteTally(validators, new TreeMap<>());
    }
    if (block.vote().isEmpty() || !validators.contains(block.proposer())) {
      return this;
    }
    return castVote(block.proposer(), block.vote().get());
  }

  private VoteTally castVote(Address voter, Vote vote) {
    TreeMap<Address, SortedMap<Address, Vote.Kind>> next = mutableCopy();
    TreeMap<Address, Vote.Kind> onSubject =
        new TreeMap<>(next.getOrDefault(vote.subject(), new TreeMap<>()));
    onSubject.put(voter, vote.kind());
    next.put(vote.subject(), onSubject);
    long agreeing = onSubject.values().stream().filter(kind -> kind == vote.kind()).count();
    if (agreeing < validators.size() / 2 + 1) {
      return new VoteTally(validators, next);
    }
    TreeSet<Address> members = new TreeSet<>(validators.sorted());
    next.remove(vote.subject());
    if (vote.kind() == Vote.Kind.ADD) {
      members.add(vote.subject());
    } else {
      members.remove(vote.subject());
      for (Map.Entry<Address, SortedMap<Address, Vote.Kind>> entry : next.entrySet()) {
        TreeMap<Address, Vote.Kind> votes = new TreeMap<>(entry.getValue());
        votes.remove(vote.subject());
        entry.setValue(votes);
      }
      next.values().removeIf(Map::isEmpty);
    }
    return new VoteTally(Validators.of(members), next);
  }

  private TreeMap<Address, SortedMap<Address, Vote.Kind>> mutableCopy() {
    return new TreeMap<>(pending);
  }
}
