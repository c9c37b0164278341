package io.fiscus.client.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.Vote;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The trusted validator set followed through header votes, on chains whose validators change as the
 * node's own tally says: the client accepts exactly the blocks the node would, and refuses a node
 * that serves a chain its trusted validators did not seal.
 */
class ValidatorFollowingTest {
  private static final long EPOCH = 30_000;

  private static void assertFails(ThrowingCallable verification, Reason reason) {
    assertThatThrownBy(verification)
        .isInstanceOf(FinalityVerificationException.class)
        .extracting(e -> ((FinalityVerificationException) e).reason())
        .isEqualTo(reason);
  }

  private static List<String> hex(List<Address> addresses) {
    return addresses.stream().map(Address::toHex).toList();
  }

  /** Blocks from {@code voters} in turn, each voting {@code vote}. */
  private static void votes(VotingChain chain, List<Address> voters, Vote vote) {
    for (Address voter : voters) {
      chain.next().proposer(voter).vote(Optional.of(vote)).commit();
    }
  }

  private static SignedTransaction pay(VotingChain chain) {
    SignedTransaction payment = chain.payment(10);
    chain.append(Optional.empty(), List.of(payment));
    return payment;
  }

  @Test
  void aValidatorVotedInByAMajorityIsTrustedToSealLaterBlocks() {
    VotingChain chain = new VotingChain(6, 4, EPOCH);
    Address newcomer = chain.member(4);
    votes(chain, List.of(chain.member(0), chain.member(1), chain.member(2)), Vote.toAdd(newcomer));
    assertThat(chain.validators()).contains(newcomer).hasSize(5);
    SignedTransaction payment = chain.payment(10);
    chain
        .next()
        .transactions(List.of(payment))
        .sealedBy(List.of(newcomer, chain.member(0), chain.member(1), chain.member(2)))
        .commit();

    TrustedValidators trusted = TrustedValidators.at(0, chain.genesisValidators(), EPOCH);
    VerifiedFinality verified =
        new FinalityVerifier(new InProcessNode(chain.store()), trusted)
            .verify(payment.hash().toHex());

    assertThat(verified.validators()).isEqualTo(hex(chain.validators()));
    assertThat(verified.sealers()).contains(newcomer.toHex());
    assertThat(verified.quorum()).isEqualTo(4);
    assertThat(trusted.trustedHeight()).isEqualTo(4);
    assertThat(trusted.trustedValidators()).isEqualTo(hex(chain.validators()));
  }

  @Test
  void aSealFromAValidatorVotedOutNoLongerCounts() {
    VotingChain chain = new VotingChain(4, 4, EPOCH);
    Address leaving = chain.member(3);
    votes(chain, List.of(chain.member(0), chain.member(1), chain.member(2)), Vote.toDrop(leaving));
    assertThat(chain.validators()).doesNotContain(leaving).hasSize(3);
    SignedTransaction payment = chain.payment(10);
    chain
        .next()
        .transactions(List.of(payment))
        .sealedBy(List.of(leaving, chain.member(0), chain.member(1)))
        .commit();

    FinalityVerifier verifier =
        new FinalityVerifier(
            new InProcessNode(chain.store()),
            TrustedValidators.at(0, chain.genesisValidators(), EPOCH));
    assertFails(() -> verifier.verify(payment.hash().toHex()), Reason.BAD_SEAL);
  }

  @Test
  void votesShortOfAMajorityChangeNothing() {
    VotingChain chain = new VotingChain(6, 4, EPOCH);
    votes(chain, List.of(chain.member(0), chain.member(1)), Vote.toAdd(chain.member(4)));
    SignedTransaction payment = pay(chain);

    VerifiedFinality verified =
        new FinalityVerifier(
                new InProcessNode(chain.store()),
                TrustedValidators.at(0, chain.genesisValidators(), EPOCH))
            .verify(payment.hash().toHex());
    assertThat(verified.validators()).isEqualTo(chain.genesisValidators());
  }

  @Test
  void anEpochBlockClearsThePendingVotes() {
    VotingChain chain = new VotingChain(6, 4, 4);
    Vote add = Vote.toAdd(chain.member(4));
    votes(chain, List.of(chain.member(0), chain.member(1)), add); // blocks 1, 2
    chain.appendEmpty(2); // block 4 is an epoch block
    votes(chain, List.of(chain.member(2)), add); // block 5: the third vote, but alone now
    assertThat(chain.validators()).hasSize(4);
    votes(chain, List.of(chain.member(3), chain.member(0)), add); // blocks 6, 7: a majority again
    assertThat(chain.validators()).hasSize(5);
    SignedTransaction payment = pay(chain);

    VerifiedFinality verified =
        new FinalityVerifier(
                new InProcessNode(chain.store()),
                TrustedValidators.at(0, chain.genesisValidators(), 4))
            .verify(payment.hash().toHex());
    assertThat(verified.blockNumber()).isEqualTo(8);
    assertThat(verified.validators()).isEqualTo(hex(chain.validators()));
  }

  @Test
  void aFollowerWithTheWrongEpochLengthRefusesRatherThanAcceptsAnotherSet() {
    VotingChain chain = new VotingChain(6, 4, 4);
    Vote add = Vote.toAdd(chain.member(4));
    votes(chain, List.of(chain.member(0), chain.member(1)), add);
    chain.appendEmpty(2);
    votes(chain, List.of(chain.member(2)), add); // the node: pending votes were cleared at 4
    SignedTransaction payment = pay(chain);

    FinalityVerifier wrongEpoch =
        new FinalityVerifier(
            new InProcessNode(chain.store()),
            TrustedValidators.at(0, chain.genesisValidators(), EPOCH));
    // It counts three votes where the node counted one, so the payment's block lists fewer
    // validators than it expects.
    assertFails(() -> wrongEpoch.verify(payment.hash().toHex()), Reason.UNTRUSTED_VALIDATORS);
  }

  @Test
  void aHeaderSealedByOutsidersOnTheWayBreaksTheChain() {
    VotingChain chain = new VotingChain(6, 4, EPOCH);
    chain.appendEmpty(1);
    chain.next().sealedBy(List.of(chain.member(4), chain.member(5), chain.member(0))).commit();
    SignedTransaction payment = pay(chain);

    TrustedValidators trusted = TrustedValidators.at(0, chain.genesisValidators(), EPOCH);
    FinalityVerifier verifier = new FinalityVerifier(new InProcessNode(chain.store()), trusted);
    assertThatThrownBy(() -> verifier.verify(payment.hash().toHex()))
        .isInstanceOf(FinalityVerificationException.class)
        .hasMessageContaining("block 2")
        .extracting(e -> ((FinalityVerificationException) e).reason())
        .isEqualTo(Reason.HEADER_CHAIN_BROKEN);
    assertThat(trusted.trustedHeight()).as("block 1 stays verified").isEqualTo(1);
  }

  @Test
  void aHeaderListingValidatorsNobodyVotedInBreaksTheChain() {
    VotingChain chain = new VotingChain(6, 4, EPOCH);
    List<Address> grown =
        List.of(
            chain.member(0), chain.member(1), chain.member(2), chain.member(3), chain.member(4));
    chain.next().listing(grown).commit();
    SignedTransaction payment = pay(chain);

    FinalityVerifier verifier =
        new FinalityVerifier(
            new InProcessNode(chain.store()),
            TrustedValidators.at(0, chain.genesisValidators(), EPOCH));
    assertFails(() -> verifier.verify(payment.hash().toHex()), Reason.HEADER_CHAIN_BROKEN);
  }

  @Test
  void aProofWhoseHeaderDoesNotLinkToTheFollowedChainFails() {
    VotingChain chain = new VotingChain(4, 4, EPOCH);
    SignedTransaction first = pay(chain);
    SignedTransaction second = pay(chain);
    FinalityVerifier verifier =
        new FinalityVerifier(
            new InProcessNode(chain.store()),
            TrustedValidators.at(0, chain.genesisValidators(), EPOCH));
    verifier.verify(first.hash().toHex());

    FinalityProof proof = verifier.fetchProof(second.hash().toHex());
    BlockHeader relinked =
        Forgery.resealed(
            Forgery.withParentHash(Forgery.header(proof), Hash.ZERO),
            chain.validators().stream().map(chain::keyOf).toList());
    assertFails(
        () -> verifier.verify(second.hash().toHex(), Forgery.withHeader(proof, relinked)),
        Reason.HEADER_CHAIN_BROKEN);
    assertThat(verifier.verify(second.hash().toHex()).blockNumber()).isEqualTo(2);
  }

  @Test
  void anAnchorInsideAnEpochLearnsTheVotesPendingAtIt() {
    VotingChain chain = new VotingChain(6, 4, 10);
    Address newcomer = chain.member(4);
    votes(chain, List.of(chain.member(0), chain.member(1)), Vote.toAdd(newcomer)); // 1, 2
    chain.appendEmpty(1); // 3: the anchor
    votes(chain, List.of(chain.member(2)), Vote.toAdd(newcomer)); // 4: the majority
    SignedTransaction payment = pay(chain);

    TrustedValidators anchored = TrustedValidators.at(3, chain.genesisValidators(), 10);
    VerifiedFinality verified =
        new FinalityVerifier(new InProcessNode(chain.store()), anchored)
            .verify(payment.hash().toHex());
    assertThat(verified.validators()).contains(newcomer.toHex()).hasSize(5);
    assertThat(anchored.trustedHeight()).isEqualTo(5);
  }

  @Test
  void anAnchorTheNodesChainWasNotSealedByIsRefused() {
    VotingChain chain = new VotingChain(6, 4, 10);
    chain.appendEmpty(3);
    SignedTransaction payment = pay(chain);
    List<String> others =
        hex(List.of(chain.member(2), chain.member(3), chain.member(4), chain.member(5)));

    FinalityVerifier verifier =
        new FinalityVerifier(new InProcessNode(chain.store()), TrustedValidators.at(3, others, 10));
    assertFails(() -> verifier.verify(payment.hash().toHex()), Reason.UNTRUSTED_VALIDATORS);
  }

  @Test
  void aClientResumesFromTheHeightItSavedWithoutWalkingFromGenesis() {
    VotingChain chain = new VotingChain(6, 4, 10);
    votes(
        chain,
        List.of(chain.member(0), chain.member(1), chain.member(2)),
        Vote.toAdd(chain.member(4)));
    SignedTransaction early = pay(chain);
    TrustedValidators first = TrustedValidators.at(0, chain.genesisValidators(), 10);
    new FinalityVerifier(new InProcessNode(chain.store()), first).verify(early.hash().toHex());
    long savedHeight = first.trustedHeight();
    List<String> savedValidators = first.trustedValidators();
    chain.appendEmpty(3);
    SignedTransaction late = pay(chain);

    InProcessNode node = new InProcessNode(chain.store());
    TrustedValidators resumed = TrustedValidators.at(savedHeight, savedValidators, 10);
    assertThat(new FinalityVerifier(node, resumed).verify(late.hash().toHex()).blockNumber())
        .isEqualTo(chain.height());
    // Back to the epoch block 0 to learn the votes pending at 4, then on from 5 to 8.
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(5 + 3);
  }

  @Test
  void eachVerificationWalksOnlyTheHeadersItHasNotSeen() {
    VotingChain chain = new VotingChain(4, 4, EPOCH);
    chain.appendEmpty(150);
    SignedTransaction first = pay(chain);
    chain.appendEmpty(5);
    SignedTransaction second = pay(chain);
    InProcessNode node = new InProcessNode(chain.store());
    FinalityVerifier verifier =
        new FinalityVerifier(node, TrustedValidators.at(0, chain.genesisValidators(), EPOCH));

    verifier.verify(first.hash().toHex());
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(150);
    verifier.verify(second.hash().toHex());
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(150 + 5);
    verifier.verify(first.hash().toHex());
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(155);
  }

  @Test
  void aProofOfAnOldBlockIsCheckedAgainstTheValidatorsOfItsOwnHeight() {
    VotingChain chain = new VotingChain(6, 4, EPOCH);
    SignedTransaction before = pay(chain);
    votes(
        chain,
        List.of(chain.member(0), chain.member(1), chain.member(2)),
        Vote.toAdd(chain.member(4)));
    SignedTransaction after = pay(chain);
    FinalityVerifier verifier =
        new FinalityVerifier(
            new InProcessNode(chain.store()),
            TrustedValidators.at(0, chain.genesisValidators(), EPOCH));

    assertThat(verifier.verify(after.hash().toHex()).validators()).hasSize(5);
    assertThat(verifier.verify(before.hash().toHex()).validators())
        .isEqualTo(chain.genesisValidators());
  }

  @Test
  void aTrustAnchorIsCheckedWhenItIsMade() {
    List<String> validators = List.of("0x" + "11".repeat(20));
    assertThatThrownBy(() -> TrustedValidators.at(-1, validators))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedValidators.at(0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedValidators.at(0, List.of("0x1234")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedValidators.at(0, List.of(validators.get(0), validators.get(0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedValidators.at(0, validators, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TrustedValidators.at(7, validators).trustedHeight()).isEqualTo(7);
    assertThat(TrustedValidators.at(7, validators).epochLength()).isEqualTo(30_000);
  }
}
