package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Besu's round-change rules (§1.6): what justifies a round > 0 proposal and a round change. */
class RoundChangeJustificationTest {
  private final CoreHarness h = new CoreHarness(4);
  private final MessageValidator validator =
      new MessageValidator(h.genesis, h.validators, h.rules, h.recovery);

  private List<Signed<Payload.RoundChange>> roundChanges(int target, PreparedCertificate... pcs) {
    List<Signed<Payload.RoundChange>> signed = new ArrayList<>();
    for (int i = 0; i < h.validators.quorum(); i++) {
      PreparedCertificate pc = i < pcs.length ? pcs[i] : null;
      signed.add(h.roundChange(target, h.keys.get(i), pc).signed());
    }
    return signed;
  }

  private QbftMessage.Proposal proposal(
      int round,
      QbftBlock block,
      List<Signed<Payload.RoundChange>> roundChanges,
      List<Signed<Payload.Prepare>> prepares) {
    return new QbftMessage.Proposal(
        h.codec.sign(new Payload.Proposal(new RoundId(1, round), block), h.proposer(round)),
        roundChanges,
        prepares);
  }

  private static Reason reason(Validation validation) {
    return validation instanceof Validation.Invalid invalid ? invalid.reason() : null;
  }

  @Test
  void aFreshBlockJustifiedByAQuorumOfEmptyRoundChangesIsValid() {
    QbftBlock fresh = h.block(1, h.proposer(1));

    assertThat(validator.proposal(proposal(1, fresh, roundChanges(1), List.of())))
        .isEqualTo(Validation.valid());
  }

  @Test
  void fewerThanAQuorumOfRoundChangesDoNotJustifyAProposal() {
    QbftBlock fresh = h.block(1, h.proposer(1));
    List<Signed<Payload.RoundChange>> two = roundChanges(1).subList(0, 2);

    assertThat(reason(validator.proposal(proposal(1, fresh, two, List.of()))))
        .isEqualTo(Reason.JUSTIFICATION_INVALID);
  }

  @Test
  void roundChangesCountOncePerAuthor() {
    QbftBlock fresh = h.block(1, h.proposer(1));
    Signed<Payload.RoundChange> one = roundChanges(1).get(0);

    assertThat(reason(validator.proposal(proposal(1, fresh, List.of(one, one, one), List.of()))))
        .isEqualTo(Reason.JUSTIFICATION_INVALID);
  }

  @Test
  void roundChangesForAnotherRoundDoNotJustify() {
    QbftBlock fresh = h.block(1, h.proposer(1));

    assertThat(reason(validator.proposal(proposal(1, fresh, roundChanges(2), List.of()))))
        .isEqualTo(Reason.JUSTIFICATION_INVALID);
  }

  @Test
  void theHighestPreparedBlockMustBeReproposedWithItsPrepares() {
    QbftBlock prepared = h.block(0, h.proposer(0));
    PreparedCertificate pc = h.certificate(0, prepared);
    List<Signed<Payload.RoundChange>> justification = roundChanges(2, pc);

    QbftMessage.Proposal reproposal =
        proposal(2, prepared.withRound(2), justification, pc.prepares());
    QbftMessage.Proposal fresh = proposal(2, h.block(2, h.proposer(2)), justification, List.of());
    QbftMessage.Proposal withoutPrepares =
        proposal(2, prepared.withRound(2), justification, pc.prepares().subList(0, 2));

    assertThat(validator.proposal(reproposal)).isEqualTo(Validation.valid());
    assertThat(reason(validator.proposal(fresh))).isEqualTo(Reason.JUSTIFICATION_INVALID);
    assertThat(reason(validator.proposal(withoutPrepares))).isEqualTo(Reason.PREPARES_INVALID);
  }

  @Test
  void aLowerPreparedCertificateLosesToAHigherOne() {
    QbftBlock older = h.block(0, h.proposer(0));
    QbftBlock newer = h.block(1, h.proposer(1));
    PreparedCertificate low = h.certificate(0, older);
    PreparedCertificate high = h.certificate(1, newer);
    List<Signed<Payload.RoundChange>> justification = roundChanges(2, low, high);

    QbftMessage.Proposal ofLower = proposal(2, older.withRound(2), justification, low.prepares());
    QbftMessage.Proposal ofHigher = proposal(2, newer.withRound(2), justification, high.prepares());

    assertThat(reason(validator.proposal(ofLower))).isEqualTo(Reason.JUSTIFICATION_INVALID);
    assertThat(validator.proposal(ofHigher)).isEqualTo(Validation.valid());
  }

  @Test
  void aFreshBlockMustBeBuiltByTheProposerItself() {
    QbftBlock foreign = h.block(1, h.proposer(0));

    assertThat(reason(validator.proposal(proposal(1, foreign, roundChanges(1), List.of()))))
        .isEqualTo(Reason.JUSTIFICATION_INVALID);
  }

  @Test
  void aRoundZeroProposalCarriesNoJustification() {
    QbftBlock block = h.block(0, h.proposer(0));

    assertThat(reason(validator.proposal(proposal(0, block, roundChanges(0), List.of()))))
        .isEqualTo(Reason.JUSTIFICATION_INVALID);
  }

  @Test
  void onlyTheRoundsProposerMayPropose() {
    QbftBlock block = h.block(0, h.bystander());
    QbftMessage.Proposal byBystander =
        new QbftMessage.Proposal(
            h.codec.sign(new Payload.Proposal(new RoundId(1, 0), block), h.bystander()),
            List.of(),
            List.of());

    assertThat(reason(validator.proposal(byBystander))).isEqualTo(Reason.WRONG_PROPOSER);
  }

  @Test
  void aRoundChangeWithAFakeCertificateBackedByOnePrepareIsRejected() {
    QbftBlock fake = h.block(0, h.proposer(0));
    PreparedCertificate lie =
        new PreparedCertificate(fake, 0, List.of(h.prepare(0, fake, h.keys.get(3))));

    assertThat(reason(validator.roundChange(h.roundChange(1, h.keys.get(3), lie))))
        .isEqualTo(Reason.PREPARES_INVALID);
  }

  @Test
  void aRoundChangeWhoseBlockDoesNotMatchItsMetadataIsRejected() {
    QbftBlock prepared = h.block(0, h.proposer(0));
    QbftMessage.RoundChange honest = h.roundChange(1, h.keys.get(0), h.certificate(0, prepared));
    QbftMessage.RoundChange swapped =
        new QbftMessage.RoundChange(
            honest.signed(), Optional.of(h.otherBlock(0, h.proposer(0))), honest.prepares());
    QbftMessage.RoundChange bare =
        new QbftMessage.RoundChange(honest.signed(), Optional.empty(), List.of());

    assertThat(validator.roundChange(honest)).isEqualTo(Validation.valid());
    assertThat(reason(validator.roundChange(swapped))).isEqualTo(Reason.ROUND_CHANGE_INVALID);
    assertThat(reason(validator.roundChange(bare))).isEqualTo(Reason.ROUND_CHANGE_INVALID);
  }

  @Test
  void aRoundChangeMayNotClaimAPreparedRoundAtOrAboveItsTarget() {
    QbftBlock prepared = h.block(1, h.proposer(1));

    assertThat(
            reason(
                validator.roundChange(h.roundChange(1, h.keys.get(0), h.certificate(1, prepared)))))
        .isEqualTo(Reason.ROUND_CHANGE_INVALID);
  }

  @Test
  void aCommitWhoseSealIsNotTheAuthorsIsRejected() {
    QbftBlock block = h.block(0, h.proposer(0));
    Payload.Commit payload =
        new Payload.Commit(
            new RoundId(1, 0), block.commitSealHash(), h.keys.get(1).sign(block.commitSealHash()));
    Signed<Payload.Commit> commit = h.codec.sign(payload, h.keys.get(0));

    assertThat(reason(validator.commit(commit))).isEqualTo(Reason.INVALID_COMMIT_SEAL);
  }
}
