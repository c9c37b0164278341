package io.fiscus.client.finality;

import io.fiscus.block.Vote;
import io.fiscus.types.Address;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validators of the next block and the header votes pending on them, advanced block by block
 * exactly as the node's {@code io.fiscus.consensus.qbft.VoteTally} does (Besu's rules): each
 * validator's latest vote on a subject counts once; when votes of one kind reach {@code
 * floor(n/2)+1} the subject is added or dropped and every pending vote on it is cleared (a dropped
 * validator's own votes too); a block whose number is a multiple of the epoch length clears all
 * pending votes and its own vote is ignored; a vote from a proposer outside the set is ignored.
 * Immutable.
 *
 * @param validators the validators of the next block, sorted ascending, never empty
 * @param pending subject → (voter → true to add, false to drop)
 */
record ValidatorTally(
    List<Address> validators, SortedMap<Address, SortedMap<Address, Boolean>> pending) {

  ValidatorTally {
    validators = List.copyOf(new TreeSet<>(validators));
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set is never empty");
    }
    TreeMap<Address, SortedMap<Address, Boolean>> copy = new TreeMap<>();
    pending.forEach(
        (subject, votes) ->
            copy.put(subject, Collections.unmodifiableSortedMap(new TreeMap<>(votes))));
    pending = Collections.unmodifiableSortedMap(copy);
  }

  /** The tally right after an epoch block: {@code validators}, nothing pending. */
  static ValidatorTally cleared(Collection<Address> validators) {
    return new ValidatorTally(List.copyOf(validators), new TreeMap<>());
  }

  /** Besu's quorum of {@code validatorCount} validators, {@code ceil(2n/3)}. */
  static int quorum(int validatorCount) {
    return ((2 * validatorCount - 1) / 3) + 1;
  }

  /**
   * The tally after block {@code number}, proposed by {@code proposer} and carrying {@code vote}.
   *
   * @throws IllegalStateException if the vote would leave no validator (no honest chain does that)
   */
  ValidatorTally apply(long number, Address proposer, Optional<Vote> vote, long epochLength) {
    if (number % epochLength == 0) {
      return cleared(validators);
    }
    if (vote.isEmpty() || Collections.binarySearch(validators, proposer) < 0) {
      return this;
    }
    return castVote(proposer, vote.get());
  }

  private ValidatorTally castVote(Address voter, Vote vote) {
    TreeMap<Address, SortedMap<Address, Boolean>> next = new TreeMap<>(pending);
    TreeMap<Address, Boolean> onSubject =
        new TreeMap<>(next.getOrDefault(vote.recipient(), new TreeMap<>()));
    onSubject.put(voter, vote.add());
    next.put(vote.recipient(), onSubject);
    long agreeing = onSubject.values().stream().filter(add -> add == vote.add()).count();
    if (agreeing < validators.size() / 2 + 1) {
      return new ValidatorTally(validators, next);
    }
    TreeSet<Address> members = new TreeSet<>(validators);
    next.remove(vote.recipient());
    if (vote.add()) {
      members.add(vote.recipient());
    } else {
      members.remove(vote.recipient());
      for (Map.Entry<Address, SortedMap<Address, Boolean>> entry : next.entrySet()) {
        TreeMap<Address, Boolean> votes = new TreeMap<>(entry.getValue());
        votes.remove(vote.recipient());
        entry.setValue(votes);
      }
      next.values().removeIf(Map::isEmpty);
    }
    if (members.isEmpty()) {
      throw new IllegalStateException("a vote drops the last validator " + vote.recipient());
    }
    return new ValidatorTally(List.copyOf(members), next);
  }
}
