package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QbftCoreTest {

  @Test
  void aChainHeadArmsTheBlockTimerAtParentTimePlusBlockPeriod() {
    CoreHarness h = new CoreHarness(4);

    Effects effects = h.start(h.core(h.bystander(), List.of()));

    assertThat(effects.timers()).containsExactly(new TimerRequest.BlockTimer(1, 1_000));
    assertThat(effects.broadcast()).isEmpty();
  }

  @Test
  void aSingleValidatorProposesPreparesCommitsAndImportsOnTheBlockTimer() {
    CoreHarness h = new CoreHarness(1);
    QbftCore core = h.core(h.keys.get(0), List.of());
    h.start(core);

    Effects effects = core.handle(new Event.BlockTimerExpired(1_000, 1));

    assertThat(effects.broadcast())
        .extracting(QbftMessage::kind)
        .containsExactly(MessageKind.PROPOSAL, MessageKind.PREPARE, MessageKind.COMMIT);
    assertThat(effects.importBlock()).isPresent();
    QbftBlock block = effects.importBlock().get();
    assertThat(block.height()).isEqualTo(1);
    assertThat(CommitSeals.validate(block, h.validators, h.recovery)).isEqualTo(Validation.valid());
    assertThat(effects.timers()).containsExactly(new TimerRequest.RoundTimer(1, 0, 3_000));
  }

  @Test
  void everySentMessageIsInTheRecordsToPersistBeforeSending() {
    CoreHarness h = new CoreHarness(1);
    QbftCore core = h.core(h.keys.get(0), List.of());
    h.start(core);

    Effects effects = core.handle(new Event.BlockTimerExpired(1_000, 1));

    List<DurableRecord> sent = new ArrayList<>();
    effects.broadcast().forEach(m -> sent.add(new DurableRecord.SentMessage(m)));
    assertThat(effects.persist()).containsAll(sent);
    assertThat(effects.persist()).anyMatch(r -> r instanceof DurableRecord.Prepared);
  }

  @Test
  void aValidProposalIsAnsweredWithAPersistedPrepare() {
    CoreHarness h = new CoreHarness(4);
    QbftCore core = h.core(h.bystander(), List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    QbftBlock block = h.block(0, h.proposer(0));

    Effects effects = core.handle(h.receive(1_010, h.proposal(0, block, h.proposer(0))));

    QbftMessage.Prepare prepare = (QbftMessage.Prepare) effects.broadcast().get(0);
    assertThat(prepare.signed().payload().digest()).isEqualTo(block.commitSealHash());
    assertThat(prepare.author()).isEqualTo(h.bystander().address());
    assertThat(effects.persist()).contains(new DurableRecord.SentMessage(prepare));
  }

  @Test
  void aQuorumOfPreparesLeadsToACommitAndAQuorumOfCommitsToImport() {
    CoreHarness h = new CoreHarness(4);
    NodeKey local = h.bystander();
    QbftCore core = h.core(local, List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    QbftBlock block = h.block(0, h.proposer(0));
    core.handle(h.receive(1_010, h.proposal(0, block, h.proposer(0))));
    List<NodeKey> others = h.keys.stream().filter(k -> !k.equals(local)).toList();

    core.handle(h.receive(1_020, new QbftMessage.Prepare(h.prepare(0, block, others.get(0)))));
    Effects prepared =
        core.handle(h.receive(1_030, new QbftMessage.Prepare(h.prepare(0, block, others.get(1)))));
    core.handle(h.receive(1_040, h.commit(0, block, others.get(0))));
    Effects committed = core.handle(h.receive(1_050, h.commit(0, block, others.get(1))));

    assertThat(prepared.broadcast())
        .extracting(QbftMessage::kind)
        .containsExactly(MessageKind.COMMIT);
    assertThat(committed.importBlock()).isPresent();
    assertThat(committed.importBlock().get().commitSeals()).hasSize(3);
    assertThat(committed.importBlock().get().hash()).isEqualTo(block.hash());
  }

  @Test
  void aSecondDifferentProposalInTheSameRoundIsEvidenceNotAVote() {
    CoreHarness h = new CoreHarness(4);
    QbftCore core = h.core(h.bystander(), List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    core.handle(h.receive(1_010, h.proposal(0, h.block(0, h.proposer(0)), h.proposer(0))));

    Effects effects =
        core.handle(h.receive(1_020, h.proposal(0, h.otherBlock(0, h.proposer(0)), h.proposer(0))));

    assertThat(effects.broadcast()).isEmpty();
    assertThat(effects.notices()).extracting(Notice::reason).containsExactly(Reason.EQUIVOCATION);
  }

  @Test
  void aRestartedNodeNeverPreparesAConflictingProposalInARoundItAlreadyPrepared() {
    CoreHarness h = new CoreHarness(4);
    NodeKey local = h.bystander();
    QbftCore before = h.core(local, List.of());
    h.start(before);
    before.handle(new Event.BlockTimerExpired(1_000, 1));
    Effects prepared =
        before.handle(h.receive(1_010, h.proposal(0, h.block(0, h.proposer(0)), h.proposer(0))));

    QbftCore after = h.core(local, prepared.persist());
    Effects resumed = after.handle(new Event.NewChainHead(5_000, h.genesis, h.tally));
    Effects conflicting =
        after.handle(
            h.receive(5_010, h.proposal(0, h.otherBlock(0, h.proposer(0)), h.proposer(0))));

    assertThat(resumed.broadcast()).containsExactlyElementsOf(prepared.broadcast());
    assertThat(conflicting.broadcast()).isEmpty();
    assertThat(conflicting.notices())
        .extracting(Notice::reason)
        .containsExactly(Reason.CONFLICTS_WITH_OWN_VOTE);
  }

  @Test
  void aRoundTimeoutSendsARoundChangeWithoutCertificateWhenNothingWasPrepared() {
    CoreHarness h = new CoreHarness(4);
    QbftCore core = h.core(h.bystander(), List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));

    Effects effects = core.handle(new Event.RoundTimerExpired(3_000, 1, 0));

    QbftMessage.RoundChange roundChange = (QbftMessage.RoundChange) effects.broadcast().get(0);
    assertThat(roundChange.roundId()).isEqualTo(new RoundId(1, 1));
    assertThat(roundChange.signed().payload().prepared()).isEmpty();
    assertThat(roundChange.preparedBlock()).isEmpty();
    assertThat(effects.timers()).containsExactly(new TimerRequest.RoundTimer(1, 1, 7_000));
  }

  @Test
  void roundChangeCarriesThePreparedCertificateOnceThisNodeWasPrepared() {
    CoreHarness h = new CoreHarness(4);
    NodeKey local = h.bystander();
    QbftCore core = h.core(local, List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    QbftBlock block = h.block(0, h.proposer(0));
    core.handle(h.receive(1_010, h.proposal(0, block, h.proposer(0))));
    for (NodeKey other : h.keys.stream().filter(k -> !k.equals(local)).limit(2).toList()) {
      core.handle(h.receive(1_020, new QbftMessage.Prepare(h.prepare(0, block, other))));
    }

    Effects effects = core.handle(new Event.RoundTimerExpired(3_000, 1, 0));

    QbftMessage.RoundChange roundChange = (QbftMessage.RoundChange) effects.broadcast().get(0);
    assertThat(roundChange.signed().payload().prepared())
        .contains(new PreparedRoundMetadata(0, block.commitSealHash()));
    assertThat(roundChange.preparedBlock()).contains(block);
    assertThat(roundChange.prepares()).hasSize(3);
  }

  @Test
  void theNewRoundsProposerReproposesTheHighestPreparedBlockWithItsPrepares() {
    CoreHarness h = new CoreHarness(4);
    NodeKey local = h.proposer(1);
    QbftCore core = h.core(local, List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    QbftBlock prepared = h.block(0, h.proposer(0));
    PreparedCertificate certificate = h.certificate(0, prepared);
    List<NodeKey> others = h.keys.stream().filter(k -> !k.equals(local)).toList();

    core.handle(h.receive(3_000, h.roundChange(1, others.get(0), null)));
    core.handle(h.receive(3_000, h.roundChange(1, others.get(1), certificate)));
    Effects effects = core.handle(h.receive(3_000, h.roundChange(1, others.get(2), null)));

    QbftMessage.Proposal proposal = (QbftMessage.Proposal) effects.broadcast().get(0);
    assertThat(proposal.roundId()).isEqualTo(new RoundId(1, 1));
    assertThat(proposal.block()).isEqualTo(prepared.withRound(1));
    assertThat(proposal.block().proposer()).isEqualTo(h.proposer(0).address());
    assertThat(proposal.prepares()).isEqualTo(certificate.prepares());
    assertThat(proposal.roundChanges()).hasSize(3);
    assertThat(core.round()).isEqualTo(1);
  }

  @Test
  void aJustifiedFutureRoundProposalMovesTheNodeToThatRound() {
    CoreHarness h = new CoreHarness(4);
    QbftCore core = h.core(h.bystander(), List.of());
    h.start(core);
    core.handle(new Event.BlockTimerExpired(1_000, 1));
    QbftBlock fresh = h.block(1, h.proposer(1));
    List<Signed<Payload.RoundChange>> justification = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      justification.add(h.roundChange(1, h.keys.get(i), null).signed());
    }
    QbftMessage.Proposal proposal =
        new QbftMessage.Proposal(
            h.codec.sign(new Payload.Proposal(new RoundId(1, 1), fresh), h.proposer(1)),
            justification,
            List.of());

    Effects effects = core.handle(h.receive(1_500, proposal));

    assertThat(core.round()).isEqualTo(1);
    assertThat(effects.broadcast())
        .extracting(QbftMessage::kind)
        .containsExactly(MessageKind.PREPARE);
  }

  @Test
  void messagesForAFutureHeightAreBufferedRequestSyncAndReplayAtThatHeight() {
    CoreHarness h = new CoreHarness(4);
    NodeKey local = h.bystander();
    QbftCore core = h.core(local, List.of());
    h.start(core);
    QbftBlock one = h.block(0, h.proposer(0));
    QbftMessage heightTwo =
        new QbftMessage.Prepare(
            h.codec.sign(new Payload.Prepare(new RoundId(2, 0), one.hash()), h.proposer(0)));

    Effects buffered = core.handle(h.receive(1_000, heightTwo));
    Effects replayed =
        core.handle(new Event.NewChainHead(1_100, one.withCommitSeals(List.of()), h.tally));

    assertThat(buffered.syncTarget()).hasValue(1);
    assertThat(buffered.notices()).isEmpty();
    assertThat(core.height()).isEqualTo(2);
    assertThat(replayed.notices()).isEmpty();
  }

  @Test
  void aBlockCreatorBreakingItsContractHaltsTheInstanceForGood() {
    CoreHarness h = new CoreHarness(1);
    QbftBlockCreator broken =
        (parent, round, timestamp, proposer, vote) ->
            h.rules.createBlock(parent, round + 1, timestamp, proposer, vote);
    QbftCore core =
        new QbftCore(
            CoreHarness.CONFIG,
            h.keys.get(0),
            h.blockCodec,
            broken,
            h.rules,
            h.recovery,
            List.of());
    h.start(core);

    Effects effects = core.handle(new Event.BlockTimerExpired(1_000, 1));
    Effects later = core.handle(new Event.BlockTimerExpired(2_000, 1));

    assertThat(effects.halt()).isPresent();
    assertThat(effects.broadcast()).isEmpty();
    assertThat(effects.persist()).isEmpty();
    assertThat(later.halt()).isEqualTo(effects.halt());
    assertThat(core.halted()).isPresent();
  }

  @Test
  void aNodeOutsideTheValidatorSetIgnoresConsensusMessages() {
    CoreHarness h = new CoreHarness(4);
    NodeKey outsider = io.fiscus.consensus.qbft.sim.Simulation.keys(5).get(4);
    QbftCore core = h.core(outsider, List.of());

    Effects head = h.start(core);
    Effects effects =
        core.handle(h.receive(1_010, h.proposal(0, h.block(0, h.proposer(0)), h.proposer(0))));

    assertThat(head.timers()).isEmpty();
    assertThat(effects.broadcast()).isEmpty();
    assertThat(effects.notices())
        .extracting(Notice::reason)
        .containsExactly(Reason.LOCAL_NODE_NOT_A_VALIDATOR);
  }

  @Test
  void aLocalVoteProposalIsCarriedInTheNextBlockThisNodeBuilds() {
    CoreHarness h = new CoreHarness(1);
    QbftCore core = h.core(h.keys.get(0), List.of());
    Address candidate = io.fiscus.consensus.qbft.sim.Simulation.keys(2).get(1).address();
    core.handle(new Event.LocalVoteProposal(0, candidate, Optional.of(Vote.Kind.ADD)));
    h.start(core);

    Effects effects = core.handle(new Event.BlockTimerExpired(1_000, 1));

    assertThat(effects.importBlock().orElseThrow().vote())
        .contains(new Vote(candidate, Vote.Kind.ADD));
  }
}
