package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.consensus.qbft.sim.ToyBlock;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoteTallyTest {
  private static final long EPOCH = 100;
  private static final Address A = address(1);
  private static final Address B = address(2);
  private static final Address C = address(3);
  private static final Address D = address(4);
  private static final Address NEW = address(9);

  private static Address address(int last) {
    byte[] bytes = new byte[20];
    bytes[19] = (byte) last;
    return Address.wrap(bytes);
  }

  private static QbftBlock block(long height, Address proposer, Vote vote) {
    return new ToyBlock(
        height, 0, proposer, Hash.ZERO, height, Optional.ofNullable(vote), Bytes.EMPTY, List.of());
  }

  private final VoteTally four = VoteTally.genesis(Validators.of(List.of(A, B, C, D)));

  @Test
  void aSubjectIsAddedWhenAddVotesReachHalfPlusOne() {
    Vote add = new Vote(NEW, Vote.Kind.ADD);
    VoteTally afterTwo = four.apply(block(1, A, add), EPOCH).apply(block(2, B, add), EPOCH);
    assertThat(afterTwo.validators().contains(NEW)).isFalse();

    VoteTally afterThree = afterTwo.apply(block(3, C, add), EPOCH);

    assertThat(afterThree.validators().sorted()).containsExactly(A, B, C, D, NEW);
    assertThat(afterThree.pending()).isEmpty();
  }

  @Test
  void aValidatorsLatestVoteCountsOnce() {
    Vote add = new Vote(NEW, Vote.Kind.ADD);
    VoteTally tally =
        four.apply(block(1, A, add), EPOCH)
            .apply(block(2, A, add), EPOCH)
            .apply(block(3, A, add), EPOCH);

    assertThat(tally.validators().contains(NEW)).isFalse();
    assertThat(tally.pendingVote(A, NEW)).contains(Vote.Kind.ADD);
  }

  @Test
  void changingAVoteReplacesTheEarlierOne() {
    VoteTally tally =
        four.apply(block(1, A, new Vote(D, Vote.Kind.DROP)), EPOCH)
            .apply(block(2, A, new Vote(D, Vote.Kind.ADD)), EPOCH);

    assertThat(tally.pendingVote(A, D)).contains(Vote.Kind.ADD);
  }

  @Test
  void droppingAValidatorPurgesItsOwnPendingVotes() {
    Vote dropD = new Vote(D, Vote.Kind.DROP);
    VoteTally tally =
        four.apply(block(1, D, new Vote(NEW, Vote.Kind.ADD)), EPOCH)
            .apply(block(2, A, dropD), EPOCH)
            .apply(block(3, B, dropD), EPOCH)
            .apply(block(4, C, dropD), EPOCH);

    assertThat(tally.validators().sorted()).containsExactly(A, B, C);
    assertThat(tally.pendingVote(D, NEW)).isEmpty();
    assertThat(tally.pending()).isEmpty();
  }

  @Test
  void anEpochBlockClearsPendingVotesAndIgnoresItsOwnVote() {
    Vote add = new Vote(NEW, Vote.Kind.ADD);
    VoteTally tally =
        four.apply(block(98, A, add), EPOCH)
            .apply(block(99, B, add), EPOCH)
            .apply(block(100, C, add), EPOCH);

    assertThat(tally.validators().contains(NEW)).isFalse();
    assertThat(tally.pending()).isEmpty();
  }

  @Test
  void theThresholdUsesTheSetSizeAtTheTimeOfTheVote() {
    VoteTally two = VoteTally.genesis(Validators.of(List.of(A, B)));
    Vote add = new Vote(NEW, Vote.Kind.ADD);

    VoteTally afterOne = two.apply(block(1, A, add), EPOCH);
    VoteTally afterTwo = afterOne.apply(block(2, B, add), EPOCH);

    assertThat(afterOne.validators().contains(NEW)).isFalse();
    assertThat(afterTwo.validators().contains(NEW)).isTrue();
  }

  @Test
  void votesFromBlocksNotProposedByAValidatorAreIgnored() {
    VoteTally tally = four.apply(block(1, NEW, new Vote(D, Vote.Kind.DROP)), EPOCH);

    assertThat(tally).isEqualTo(four);
  }
}
