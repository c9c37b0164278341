package io.fiscus.rpc.testchain;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.SealerRecovery;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.rlp.Rlp;
import io.fiscus.trie.MerkleProof;
import io.fiscus.trie.ProofResult;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a light client does with a {@code cbdc_getFinalityProof} answer, trusting only the validator
 * set it already knows: the header's seals must recover to a quorum of that set, and the
 * transaction and its receipt must be proven under the header's roots. Written against the
 * contracts' primitives only, independently of the code that builds the proof.
 */
public final class FinalityProofVerifier {
  /** Why a proof fails. */
  public enum Failure {
    MALFORMED,
    UNTRUSTED_VALIDATORS,
    BAD_SEALS,
    NO_QUORUM,
    WRONG_TRANSACTION,
    TRANSACTION_NOT_PROVEN,
    RECEIPT_NOT_PROVEN
  }

  /** The verdict: empty failure means the transaction is final in the block. */
  public record Verdict(Failure failure, String detail) {
    public static final Verdict FINAL = new Verdict(null, "");

    public boolean isFinal() {
      return failure == null;
    }
  }

  private FinalityProofVerifier() {}

  public static Verdict verify(JsonNode proof, Hash transactionHash, Set<Address> trusted) {
    BlockHeader header;
    List<Address> validators;
    try {
      header = BlockHeaderCodec.decode(hex(proof, "header"));
      validators = QbftExtraDataCodec.decode(header.extraData()).validators();
    } catch (BlockCodecException | IllegalArgumentException e) {
      return new Verdict(Failure.MALFORMED, e.getMessage());
    }
    List<Address> claimed = new ArrayList<>();
    proof.get("validators").forEach(node -> claimed.add(Address.fromHex(node.asText())));
    if (!new TreeSet<>(validators).equals(trusted) || !claimed.equals(validators)) {
      return new Verdict(Failure.UNTRUSTED_VALIDATORS, "validators differ from the trusted set");
    }
    if (!QbftBlockHashing.blockHash(header).toHex().equals(proof.get("blockHash").asText())) {
      return new Verdict(Failure.MALFORMED, "blockHash is not the header's hash");
    }
    Verdict seals = checkSeals(header, trusted);
    if (!seals.isFinal()) {
      return seals;
    }
    Bytes transaction = hex(proof, "transaction");
    if (!Keccak.hash(transaction).equals(transactionHash)) {
      return new Verdict(
          Failure.WRONG_TRANSACTION, "transaction does not hash to " + transactionHash);
    }
    Bytes key = Bytes.wrap(Rlp.uint(Long.decode(proof.get("txIndex").asText())));
    if (!proves(header.transactionsRoot(), key, proof.get("txProof"), transaction)) {
      return new Verdict(Failure.TRANSACTION_NOT_PROVEN, "txProof");
    }
    if (!proves(header.receiptsRoot(), key, proof.get("receiptProof"), hex(proof, "receipt"))) {
      return new Verdict(Failure.RECEIPT_NOT_PROVEN, "receiptProof");
    }
    return Verdict.FINAL;
  }

  private static Verdict checkSeals(BlockHeader header, Set<Address> trusted) {
    SealerRecovery recovery = QbftBlockHashing.recoverSealers(header, Secp256k1.recovery());
    if (!(recovery instanceof SealerRecovery.Recovered recovered)) {
      return new Verdict(Failure.BAD_SEALS, recovery.toString());
    }
    if (!trusted.containsAll(recovered.sealers())) {
      return new Verdict(Failure.BAD_SEALS, "a seal is not from a validator");
    }
    int quorum = Validators.quorum(trusted.size());
    if (recovered.sealers().size() < quorum) {
      return new Verdict(
          Failure.NO_QUORUM, recovered.sealers().size() + " seals, quorum " + quorum);
    }
    return Verdict.FINAL;
  }

  private static boolean proves(Hash root, Bytes key, JsonNode nodes, Bytes expected) {
    List<Bytes> proof = new ArrayList<>();
    nodes.forEach(node -> proof.add(Bytes.fromHex(node.asText())));
    return MerkleProof.verify(root, key, proof).equals(new ProofResult.Present(expected));
  }

  private static Bytes hex(JsonNode proof, String field) {
    return Bytes.fromHex(proof.get(field).asText());
  }
}
