package io.fiscus.rpc.cbdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.crypto.Signature;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeLedgerIndex;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.rpc.testchain.FinalityProofVerifier;
import io.fiscus.rpc.testchain.FinalityProofVerifier.Failure;
import io.fiscus.rpc.testchain.LedgerScenario;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FinalityProofTest {
  private static final LedgerScenario LEDGER = CbdcMethodsTest.LEDGER;
  private static final Set<Address> TRUSTED = new TreeSet<>(LEDGER.chain.validators());

  private final RpcMethod method =
      CbdcMethods.create(
              LEDGER.chain,
              new FakeLedgerIndex(),
              new FakeTransactionPool(),
              new FakeConsensusControl(),
              Peers.NONE,
              LedgerScenario.CHAIN_ID)
          .get("cbdc_getFinalityProof");

  private ObjectNode proof(SignedTransaction transaction) {
    Object result = method.call(Params.of("[\"" + transaction.hash().toHex() + "\"]"));
    return (ObjectNode) Params.parse(Params.write(result));
  }

  private static FinalityProofVerifier.Verdict verify(JsonNode proof, SignedTransaction tx) {
    return FinalityProofVerifier.verify(proof, tx.hash(), TRUSTED);
  }

  @Test
  void aProofOfEveryTransactionVerifiesAgainstTheTrustedValidators() {
    for (SignedTransaction transaction :
        List.of(
            LEDGER.bankPaysAlice,
            LEDGER.shopInvoicesAlice,
            LEDGER.alicePaysInvoice,
            LEDGER.bobOverdraws)) {
      assertThat(verify(proof(transaction), transaction))
          .as(transaction.hash().toHex())
          .isEqualTo(FinalityProofVerifier.Verdict.FINAL);
    }
  }

  @Test
  void theProofCarriesTheBlockAndTheTransactionsPlace() {
    ObjectNode proof = proof(LEDGER.bobOverdraws);
    assertThat(proof.get("blockNumber").asText()).isEqualTo("0x3");
    assertThat(proof.get("blockHash").asText()).isEqualTo(LEDGER.chain.committed(3).hash().toHex());
    assertThat(proof.get("txIndex").asText()).isEqualTo("0x1");
    assertThat(proof.get("transaction").asText()).isEqualTo(LEDGER.bobOverdraws.raw().toHex());
  }

  @Test
  void anUnknownTransactionHasNoProof() {
    assertThat(method.call(Params.of("[\"" + Hash.ZERO.toHex() + "\"]"))).isNull();
  }

  @Test
  void aTamperedTransactionProofNodeFails() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    ArrayNode nodes = (ArrayNode) proof.get("txProof");
    nodes.set(nodes.size() - 1, flipLastByte(nodes.get(nodes.size() - 1).asText()));
    assertThat(verify(proof, LEDGER.alicePaysInvoice).failure())
        .isEqualTo(Failure.TRANSACTION_NOT_PROVEN);
  }

  @Test
  void aReceiptProofOfAnotherIndexFails() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    proof.set("receiptProof", proof(LEDGER.bobOverdraws).get("receiptProof"));
    assertThat(verify(proof, LEDGER.alicePaysInvoice).failure())
        .isEqualTo(Failure.RECEIPT_NOT_PROVEN);
  }

  @Test
  void anotherTransactionPassedOffUnderTheHashFails() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    proof.put("transaction", LEDGER.bobOverdraws.raw().toHex());
    assertThat(verify(proof, LEDGER.alicePaysInvoice).failure())
        .isEqualTo(Failure.WRONG_TRANSACTION);
  }

  @Test
  void aHeaderWithAChangedRootNoLongerMatchesItsSeals() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader forged = withTransactionsRoot(header(proof), Hash.ZERO);
    proof.put("header", BlockHeaderCodec.encode(forged).toHex());
    proof.put("blockHash", QbftBlockHashing.blockHash(forged).toHex());
    assertThat(verify(proof, LEDGER.alicePaysInvoice).failure()).isEqualTo(Failure.BAD_SEALS);
  }

  @Test
  void sealsBelowQuorumFail() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    BlockHeader header = editSeals(header(proof), seals -> seals.subList(0, seals.size() - 1));
    proof.put("header", BlockHeaderCodec.encode(header).toHex());
    assertThat(verify(proof, LEDGER.alicePaysInvoice).failure()).isEqualTo(Failure.NO_QUORUM);
  }

  @Test
  void aValidatorSetOtherThanTheTrustedOneFails() {
    ObjectNode proof = proof(LEDGER.alicePaysInvoice);
    Set<Address> otherSet = new TreeSet<>(TRUSTED);
    otherSet.add(LEDGER.stranger);
    assertThat(
            FinalityProofVerifier.verify(proof, LEDGER.alicePaysInvoice.hash(), otherSet).failure())
        .isEqualTo(Failure.UNTRUSTED_VALIDATORS);
  }

  private static BlockHeader header(JsonNode proof) {
    return BlockHeaderCodec.decode(Bytes.fromHex(proof.get("header").asText()));
  }

  private static BlockHeader editSeals(BlockHeader header, UnaryOperator<List<Signature>> edit) {
    List<Signature> seals = QbftExtraDataCodec.decode(header.extraData()).commitSeals();
    return QbftBlockHashing.withCommitSeals(header, edit.apply(seals));
  }

  private static BlockHeader withTransactionsRoot(BlockHeader h, Hash root) {
    return new BlockHeader(
        h.parentHash(),
        h.ommersHash(),
        h.coinbase(),
        h.stateRoot(),
        root,
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp(),
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFeePerGas());
  }

  private static String flipLastByte(String hex) {
    byte[] bytes = Bytes.fromHex(hex).toArray();
    bytes[bytes.length - 1] ^= 1;
    return Bytes.wrap(bytes).toHex();
  }
}
