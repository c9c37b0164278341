package io.fiscus.consensus.qbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.consensus.qbft.MessageKind;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named situations of the QBFT spec, scripted on the simulator with no random faults. */
class QbftScenarioTest {
  private static final long SEED = 42;

  private static Simulation calm(int n) {
    return new Simulation(SimConfig.calm(n), SEED);
  }

  private static Address proposerOfFirstBlock(Simulation sim, int round) {
    SimNode any = sim.nodes().get(0);
    return any.tally().validators().proposer(any.head().proposer(), round);
  }

  private static boolean allLiveAtLeast(Simulation sim, long height) {
    return sim.nodes().stream().filter(n -> !n.crashed).allMatch(n -> n.height() >= height);
  }

  @Test
  void whenTheProposerIsOfflineTheNextRoundsProposerBuildsAFreshBlock() {
    Simulation sim = calm(4);
    int offline = sim.indexOf(proposerOfFirstBlock(sim, 0));
    Address roundOneProposer = proposerOfFirstBlock(sim, 1);
    sim.startAll();
    sim.crashNode(offline);

    boolean progressed = sim.runUntil(60_000, () -> allLiveAtLeast(sim, 2));

    assertThat(progressed).isTrue();
    QbftBlock first = sim.nodes().get((offline + 1) % 4).chain.get(1);
    assertThat(first.round()).isEqualTo(1);
    assertThat(first.proposer()).isEqualTo(roundOneProposer);
    assertThat(sim.violations()).isEmpty();
  }

  @Test
  void aRoundChangeWithAPreparedCertificateReproposesThePreparedBlock() {
    Simulation sim = calm(4);
    Address roundZeroProposer = proposerOfFirstBlock(sim, 0);
    // Everyone prepares round 0, but no Commit gets through: round 0 ends prepared, not committed.
    QbftBlock first = firstBlockAfterLosingRoundZero(sim, MessageKind.COMMIT);
    assertThat(first.round()).isEqualTo(1);
    assertThat(first.proposer()).isEqualTo(roundZeroProposer);
  }

  @Test
  void aRoundChangeWithoutCertificateLetsTheNewProposerChooseItsOwnBlock() {
    Simulation sim = calm(4);
    Address roundOneProposer = proposerOfFirstBlock(sim, 1);
    // No Prepare gets through in round 0, so nobody is prepared when the round times out.
    QbftBlock first = firstBlockAfterLosingRoundZero(sim, MessageKind.PREPARE);
    assertThat(first.round()).isEqualTo(1);
    assertThat(first.proposer()).isEqualTo(roundOneProposer);
  }

  /** Drops every {@code kind} message during round 0, heals, and returns the first final block. */
  private static QbftBlock firstBlockAfterLosingRoundZero(Simulation sim, MessageKind kind) {
    sim.dropMessages(wire -> wire.code() == kind.code());
    sim.startAll();
    sim.runUntil(2_500, () -> false);
    sim.dropMessages(wire -> false);

    assertThat(sim.runUntil(60_000, () -> allLiveAtLeast(sim, 1))).isTrue();
    assertThat(sim.violations()).isEmpty();
    return sim.nodes().get(0).chain.get(1);
  }

  @Test
  void aLateJoinerCatchesUpThroughBufferedFutureMessagesAndSync() {
    Simulation sim = calm(4);
    sim.startAll();
    sim.isolate(3, true);
    sim.runUntil(8_000, () -> false);
    long othersHeight = sim.nodes().get(0).height();
    assertThat(sim.nodes().get(3).height()).isZero();
    assertThat(othersHeight).isGreaterThanOrEqualTo(4);

    sim.isolate(3, false);
    boolean caughtUp = sim.runUntil(40_000, () -> sim.nodes().get(3).height() >= othersHeight + 3);

    assertThat(caughtUp).isTrue();
    assertThat(sim.violations()).isEmpty();
  }

  @Test
  void aValidatorIsAddedByVotesFromAMajorityAndThenTakesPart() {
    Simulation sim = calm(4);
    SimNode candidate = sim.addObserver();
    sim.startAll();
    for (int i = 0; i < 4; i++) {
      sim.proposeVote(sim.nodes().get(i), candidate.key.address(), Vote.Kind.ADD);
    }

    boolean added =
        sim.runUntil(
            120_000,
            () ->
                candidate.tally().validators().contains(candidate.key.address())
                    && candidate.height() >= sim.nodes().get(0).height()
                    && candidate.chain.stream()
                        .anyMatch(b -> b.proposer().equals(candidate.key.address())));

    assertThat(added).isTrue();
    assertThat(sim.nodes().get(0).tally().validators().size()).isEqualTo(5);
    assertThat(sim.violations()).isEmpty();
  }

  @Test
  void aValidatorIsRemovedByVotesAndTheRestCarryOn() {
    Simulation sim = calm(4);
    Address leaving = sim.nodes().get(3).key.address();
    sim.startAll();
    for (int i = 0; i < 3; i++) {
      sim.proposeVote(sim.nodes().get(i), leaving, Vote.Kind.DROP);
    }

    boolean removed =
        sim.runUntil(120_000, () -> !sim.nodes().get(0).tally().validators().contains(leaving));
    long heightAtRemoval = sim.nodes().get(0).height();
    boolean continued =
        sim.runUntil(240_000, () -> sim.nodes().get(0).height() >= heightAtRemoval + 3);

    assertThat(removed).isTrue();
    assertThat(continued).isTrue();
    Validators after = sim.nodes().get(0).tally().validators();
    assertThat(after.size()).isEqualTo(3);
    assertThat(sim.violations()).isEmpty();
  }

  @Test
  void anEpochBlockDiscardsPendingVotesThatHadNotReachedTheThreshold() {
    QbftConfig config = QbftConfig.of(1_000, 2_000).withEpochLength(4);
    Simulation sim = new Simulation(SimConfig.calm(4), SEED, config);
    SimNode candidate = sim.addObserver();
    sim.startAll();
    // Two of four votes: below floor(4/2)+1 = 3, so the subject is never added.
    sim.proposeVote(sim.nodes().get(0), candidate.key.address(), Vote.Kind.ADD);
    sim.proposeVote(sim.nodes().get(1), candidate.key.address(), Vote.Kind.ADD);

    sim.runUntil(60_000, () -> sim.nodes().get(0).height() >= 9);

    SimNode observer = sim.nodes().get(0);
    assertThat(observer.tallies.get(3).pending()).isNotEmpty();
    assertThat(observer.tallies.get(4).pending()).isEmpty();
    assertThat(observer.tallies.get(8).pending()).isEmpty();
    assertThat(observer.chain.get(4).vote()).isEmpty();
    assertThat(observer.chain.get(8).vote()).isEmpty();
    assertThat(observer.tally().validators().contains(candidate.key.address())).isFalse();
    assertThat(sim.violations()).isEmpty();
  }

  @Test
  void aCrashedValidatorRestartsFromItsRecordsWithoutDoubleSigning() {
    Simulation sim = calm(4);
    sim.startAll();
    sim.runUntil(1_050, () -> false);
    sim.crashNode(2);
    sim.runUntil(1_500, () -> false);
    sim.restartNode(2);

    boolean progressed = sim.runUntil(60_000, () -> allLiveAtLeast(sim, 4));

    assertThat(progressed).isTrue();
    assertThat(sim.nodes().get(2).durable).isNotEmpty();
    assertThat(sim.violations()).isEmpty();
    assertThat(List.of(sim.nodes().get(2).height())).allMatch(h -> h >= 4);
  }
}
