package io.fiscus.client.finality;

import static io.fiscus.client.finality.Forgery.editSeals;
import static io.fiscus.client.finality.Forgery.header;
import static io.fiscus.client.finality.Forgery.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockHeader;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Signature;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The verifier against the node's own {@code cbdc_getFinalityProof} over a four-validator ledger
 * ({@link LedgerScenario}): real proofs pass, and every way of tampering with one fails with its
 * reason.
 */
class FinalityVerifierTest {
  private static final LedgerScenario LEDGER = new LedgerScenario();

  private final InProcessNode node = new InProcessNode(LEDGER.chain.chainStore());
  private final TrustedValidators trusted = TrustedValidators.at(0, validators(), 30_000);
  private final FinalityVerifier verifier = new FinalityVerifier(node, trusted);

  private static List<String> validators() {
    return LEDGER.chain.validators().stream().map(Address::toHex).toList();
  }

  private FinalityProof proof(SignedTransaction transaction) {
    return verifier.fetchProof(transaction.hash().toHex());
  }

  private VerifiedFinality verify(SignedTransaction transaction, FinalityProof proof) {
    return verifier.verify(transaction.hash().toHex(), proof);
  }

  private static void assertFails(ThrowingCallable verification, Reason reason) {
    assertThatThrownBy(verification)
        .isInstanceOf(FinalityVerificationException.class)
        .extracting(e -> ((FinalityVerificationException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void everyTransactionOfTheLedgerVerifiesAgainstTheTrustedValidators() {
    for (SignedTransaction transaction :
        List.of(
            LEDGER.bankPaysAlice,
            LEDGER.shopInvoicesAlice,
            LEDGER.alicePaysInvoice,
            LEDGER.bobOverdraws)) {
      VerifiedFinality verified = verifier.verify(transaction.hash().toHex());
      assertThat(verified.transactionHash()).isEqualTo(transaction.hash().toHex());
      assertThat(verified.sealers()).hasSize(3).isSubsetOf(validators());
      assertThat(verified.quorum()).isEqualTo(3);
      assertThat(verified.validators()).isEqualTo(validators());
    }
  }

  @Test
  void theVerifiedFinalityCarriesTheBlockThePlaceAndTheOutcome() {
    VerifiedFinality overdraft = verifier.verify(LEDGER.bobOverdraws.hash().toHex());
    assertThat(overdraft.blockNumber()).isEqualTo(3);
    assertThat(overdraft.blockHash()).isEqualTo(LEDGER.chain.committed(3).hash().toHex());
    assertThat(overdraft.transactionIndex()).isEqualTo(1);
    assertThat(overdraft.receiptSucceeded()).isFalse();

    VerifiedFinality payment = verifier.verify(LEDGER.alicePaysInvoice.hash().toHex());
    assertThat(payment.transactionIndex()).isZero();
    assertThat(payment.receiptSucceeded()).isTrue();
    assertThat(payment.receipt().logs()).isNotEmpty();
  }

  @Test
  void theReceiptTheNodeServesAgreesWithTheProvenOneAndAnAlteredOneDoesNot() throws Exception {
    String hash = LEDGER.alicePaysInvoice.hash().toHex();
    VerifiedFinality verified = verifier.verify(hash);
    TransactionReceipt served =
        Web3j.build(node).ethGetTransactionReceipt(hash).send().getTransactionReceipt().get();
    assertThat(verified.agreesWith(served)).isTrue();

    served.setStatus("0x0");
    assertThat(verified.agreesWith(served)).isFalse();
  }

  @Test
  void anUnknownTransactionHasNoProof() {
    assertThatThrownBy(() -> verifier.verify(Hash.ZERO.toHex()))
        .isInstanceOf(ProofNotAvailableException.class)
        .hasMessageContaining(Hash.ZERO.toHex());
  }

  @Test
  void aTransactionHashThatIsNotOneIsRefusedBeforeAskingTheNode() {
    assertThatThrownBy(() -> verifier.verify("0x1234"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(node.calls("cbdc_getFinalityProof")).isZero();
  }

  @Test
  void aTamperedTransactionProofNodeFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    List<String> nodes = new ArrayList<>(proof.txProof());
    nodes.set(nodes.size() - 1, Forgery.flipLastByte(nodes.getLast()));
    assertFails(
        () -> verify(LEDGER.alicePaysInvoice, Forgery.withTransactionProof(proof, nodes)),
        Reason.TRANSACTION_NOT_PROVEN);
  }

  @Test
  void anotherTransactionPassedOffUnderTheHashFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    assertFails(
        () ->
            verify(
                LEDGER.alicePaysInvoice,
                Forgery.withTransaction(proof, LEDGER.bobOverdraws.raw().toHex())),
        Reason.WRONG_TRANSACTION);
  }

  @Test
  void theProofOfAnotherTransactionFails() {
    assertFails(
        () -> verify(LEDGER.alicePaysInvoice, proof(LEDGER.bobOverdraws)),
        Reason.WRONG_TRANSACTION);
  }

  @Test
  void aChangedReceiptFails() {
    FinalityProof proof = proof(LEDGER.bobOverdraws);
    // The overdraft reverted; a node claiming the receipt of a success must not be believed.
    String successful = proof(LEDGER.alicePaysInvoice).receipt();
    assertFails(
        () -> verify(LEDGER.bobOverdraws, Forgery.withReceipt(proof, successful)),
        Reason.RECEIPT_NOT_PROVEN);
    assertFails(
        () ->
            verify(
                LEDGER.bobOverdraws, Forgery.withReceipt(proof, Forgery.flipLastByte(successful))),
        Reason.RECEIPT_NOT_PROVEN);
  }

  @Test
  void aReceiptProofOfAnotherIndexFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    assertFails(
        () ->
            verify(
                LEDGER.alicePaysInvoice,
                Forgery.withReceiptProof(proof, proof(LEDGER.bobOverdraws).receiptProof())),
        Reason.RECEIPT_NOT_PROVEN);
  }

  @Test
  void aHeaderWithAChangedRootNoLongerMatchesItsSeals() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader forged = Forgery.withTransactionsRoot(header(proof), Hash.ZERO);
    assertFails(() -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)), Reason.BAD_SEAL);
  }

  @Test
  void sealsBelowQuorumFail() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader forged = editSeals(header(proof), seals -> seals.subList(0, seals.size() - 1));
    assertFails(() -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)), Reason.NO_QUORUM);
  }

  @Test
  void noSealsAtAllFail() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader forged = editSeals(header(proof), seals -> List.of());
    assertFails(() -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)), Reason.NO_QUORUM);
  }

  @Test
  void aSealFromANonValidatorFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader header = header(proof);
    PrivateKey stranger = new PrivateKey(BigInteger.valueOf(0xbad));
    BlockHeader forged =
        editSeals(
            header,
            seals -> {
              List<Signature> edited = new ArrayList<>(seals);
              edited.set(0, Forgery.seal(header, stranger));
              return edited;
            });
    assertFails(() -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)), Reason.BAD_SEAL);
  }

  @Test
  void aQuorumMadeUpWithARepeatedSealFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader forged =
        editSeals(header(proof), seals -> List.of(seals.get(0), seals.get(1), seals.get(1)));
    assertFails(() -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)), Reason.BAD_SEAL);
  }

  @Test
  void aHeaderListingOtherValidatorsFailsEvenWithTheirSeals() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    List<Address> withStranger = new ArrayList<>(LEDGER.chain.validators());
    withStranger.add(LEDGER.stranger);
    BlockHeader forged =
        Forgery.resealed(
            Forgery.listing(header(proof), withStranger), LEDGER.validatorKeys.subList(0, 4));
    assertFails(
        () -> verify(LEDGER.alicePaysInvoice, withHeader(proof, forged)),
        Reason.UNTRUSTED_VALIDATORS);
  }

  @Test
  void aValidatorSetOtherThanTheTrustedOneFails() {
    List<String> otherSet = new ArrayList<>(validators());
    otherSet.add(LEDGER.stranger.toHex());
    FinalityVerifier distrusting =
        new FinalityVerifier(node, TrustedValidators.at(0, otherSet, 30_000));
    assertFails(
        () -> distrusting.verify(LEDGER.alicePaysInvoice.hash().toHex()),
        Reason.HEADER_CHAIN_BROKEN);
    FinalityVerifier atTheBlock = new FinalityVerifier(node, TrustedValidators.at(3, otherSet, 3));
    assertFails(
        () -> atTheBlock.verify(LEDGER.alicePaysInvoice.hash().toHex()),
        Reason.UNTRUSTED_VALIDATORS);
  }

  @Test
  void aBlockHashThatIsNotTheHeadersFails() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    assertFails(
        () ->
            verify(
                LEDGER.alicePaysInvoice,
                Forgery.withBlockHash(proof, LEDGER.chain.committed(2).hash().toHex())),
        Reason.MALFORMED);
  }

  @Test
  void validatorsClaimedOtherThanTheHeadersFail() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    assertFails(
        () ->
            verify(
                LEDGER.alicePaysInvoice,
                Forgery.withValidators(proof, proof.validators().subList(0, 3))),
        Reason.MALFORMED);
  }

  @Test
  void partsThatDoNotDecodeAreMalformed() {
    FinalityProof proof = proof(LEDGER.alicePaysInvoice);
    FinalityProof noHeader =
        new FinalityProof(
            proof.blockNumber(),
            proof.blockHash(),
            "0xc0",
            proof.validators(),
            proof.txIndex(),
            proof.transaction(),
            proof.txProof(),
            proof.receipt(),
            proof.receiptProof());
    assertFails(() -> verify(LEDGER.alicePaysInvoice, noHeader), Reason.MALFORMED);
    assertFails(
        () -> verify(LEDGER.alicePaysInvoice, Forgery.withTransaction(proof, "0xzz")),
        Reason.MALFORMED);
    assertFails(
        () -> verify(LEDGER.alicePaysInvoice, Forgery.withReceiptProof(proof, null)),
        Reason.MALFORMED);
  }

  @Test
  void aBlockBeforeTheTrustedHeightIsNotVouchedFor() {
    FinalityVerifier late = new FinalityVerifier(node, TrustedValidators.at(2, validators(), 2));
    assertFails(
        () -> late.verify(LEDGER.bankPaysAlice.hash().toHex()), Reason.BEFORE_TRUSTED_HEIGHT);
    assertThat(late.verify(LEDGER.shopInvoicesAlice.hash().toHex()).blockNumber()).isEqualTo(2);
  }

  @Test
  void theClientFollowsTheChainOnceAndRemembersHowFar() {
    verifier.verify(LEDGER.alicePaysInvoice.hash().toHex());
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(2);
    assertThat(trusted.trustedHeight()).isEqualTo(3);

    verifier.verify(LEDGER.bankPaysAlice.hash().toHex());
    verifier.verify(LEDGER.bobOverdraws.hash().toHex());
    assertThat(node.calls("eth_getBlockByNumber")).isEqualTo(2);
    assertThat(trusted.trustedValidators()).isEqualTo(validators());
  }

  @Test
  void aRealProofAlsoVerifiesAsynchronously() throws Exception {
    assertThat(verifier.verifyAsync(LEDGER.shopInvoicesAlice.hash().toHex()).get().blockNumber())
        .isEqualTo(2);
  }
}
