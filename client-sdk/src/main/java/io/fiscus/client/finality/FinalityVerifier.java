package io.fiscus.client.finality;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.Receipt;
import io.fiscus.block.ReceiptCodec;
import io.fiscus.client.FiscusException;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.crypto.Keccak;
import io.fiscus.rlp.Rlp;
import io.fiscus.trie.MerkleProof;
import io.fiscus.trie.ProofResult;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.utils.Async;

/**
 * Checks that a transaction is final without trusting the node that says so. It fetches the
 * transaction's {@code cbdc_getFinalityProof} and requires, in this order:
 *
 * <ol>
 *   <li>the proof is consistent: its header hashes to its block hash and lists its validators;
 *   <li>the header is sealed by a quorum of the validators the client trusts at that height ({@link
 *       TrustedValidators}), following the validator votes of every header since the trusted height
 *       first ({@code eth_getBlockByNumber}), and links to the last header followed;
 *   <li>the transaction hashes to the one asked about, and its Merkle proof leads from the header's
 *       {@code transactionsRoot} to it under key {@code rlp(txIndex)};
 *   <li>the receipt's Merkle proof leads from the header's {@code receiptsRoot} to it under the
 *       same key.
 * </ol>
 *
 * The first check that fails ends verification with a {@link FinalityVerificationException} naming
 * it. Thread-safe; the calls block on the node (use {@link #verifyAsync} not to).
 */
public final class FinalityVerifier {
  private final Web3jService service;
  private final TrustedValidators trusted;
  private final HeaderSource headers;

  /**
   * A verifier asking {@code service} for proofs and headers and trusting {@code trusted}.
   *
   * @param service the node connection (any Web3j transport)
   * @param trusted the validators the client trusts; shared verifiers of one chain share it
   */
  public FinalityVerifier(Web3jService service, TrustedValidators trusted) {
    this.service = Objects.requireNonNull(service, "service");
    this.trusted = Objects.requireNonNull(trusted, "trusted");
    this.headers = new RpcHeaderSource(service);
  }

  /**
   * The validators this verifier trusts.
   *
   * @return the trusted set, followed as far as this verifier (and any sharing it) has verified
   */
  public TrustedValidators trusted() {
    return trusted;
  }

  /**
   * Fetches and verifies the finality proof of {@code transactionHash}.
   *
   * @param transactionHash the transaction, {@code 0x} and 64 hex digits
   * @return what the proof shows
   * @throws ProofNotAvailableException if the node has no proof: the transaction is not in a
   *     committed block (yet)
   * @throws FinalityVerificationException if the proof does not show the transaction final
   * @throws FiscusException if the node cannot be reached or answers with an error
   * @throws IllegalArgumentException if {@code transactionHash} is not 32 bytes of hex
   */
  public VerifiedFinality verify(String transactionHash) {
    return verify(transactionHash, fetchProof(transactionHash));
  }

  /**
   * {@link #verify(String)} without blocking the caller: the future completes with the verified
   * finality or fails with the same exceptions.
   *
   * @param transactionHash the transaction, {@code 0x} and 64 hex digits
   * @return the verification, running
   */
  public CompletableFuture<VerifiedFinality> verifyAsync(String transactionHash) {
    return Async.run(() -> verify(transactionHash));
  }

  /**
   * The node's finality proof of {@code transactionHash}, unchecked.
   *
   * @param transactionHash the transaction, {@code 0x} and 64 hex digits
   * @return the proof as the node sent it
   * @throws ProofNotAvailableException if the node has none
   * @throws FiscusException if the node cannot be reached or answers with an error
   */
  public FinalityProof fetchProof(String transactionHash) {
    Hash hash = transactionHash(transactionHash);
    FinalityProofResponse response;
    try {
      response =
          new Request<>(
                  "cbdc_getFinalityProof",
                  List.of(hash.toHex()),
                  service,
                  FinalityProofResponse.class)
              .send();
    } catch (IOException e) {
      throw new FiscusException(
          "cannot fetch the finality proof of " + hash + ": " + e.getMessage(), e);
    }
    if (response.hasError()) {
      throw new FiscusException(
          "cbdc_getFinalityProof failed: "
              + response.getError().getCode()
              + " "
              + response.getError().getMessage());
    }
    if (response.getResult() == null) {
      throw new ProofNotAvailableException(hash.toHex());
    }
    return response.getResult();
  }

  /**
   * Verifies {@code proof}, already fetched, as the proof that {@code transactionHash} is final;
   * only the headers between the trusted height and the proof's block are fetched.
   *
   * @param transactionHash the transaction, {@code 0x} and 64 hex digits
   * @param proof its proof, as fetched (or as a test changed it)
   * @return what the proof shows
   * @throws FinalityVerificationException if it does not show the transaction final
   * @throws FiscusException if the node cannot be reached for the headers
   * @throws IllegalArgumentException if {@code transactionHash} is not 32 bytes of hex
   */
  public VerifiedFinality verify(String transactionHash, FinalityProof proof) {
    Hash asked = transactionHash(transactionHash);
    DecodedProof decoded = DecodedProof.of(Objects.requireNonNull(proof, "proof"));
    requireConsistent(decoded);
    SealedHeader sealed = trusted.verify(decoded.header(), headers);
    requireTransaction(asked, decoded);
    Receipt receipt = requireReceipt(decoded);
    return new VerifiedFinality(
        asked.toHex(),
        decoded.blockNumber(),
        sealed.hash().toHex(),
        decoded.transactionIndex(),
        receipt.success(),
        hex(sealed.sealers()),
        sealed.quorum(),
        hex(sealed.extraData().validators()),
        receipt);
  }

  private static Hash transactionHash(String transactionHash) {
    Objects.requireNonNull(transactionHash, "transactionHash");
    if (!transactionHash.startsWith("0x") && !transactionHash.startsWith("0X")) {
      throw new IllegalArgumentException("a transaction hash is 0x-prefixed hex");
    }
    return Hash.fromHex(transactionHash);
  }

  /** The node's claims about the header must be the header's own. */
  private static void requireConsistent(DecodedProof proof) {
    BlockHeader header = proof.header();
    if (header.number() != proof.blockNumber()) {
      throw new FinalityVerificationException(
          Reason.MALFORMED,
          "blockNumber " + proof.blockNumber() + " is not the header's " + header.number());
    }
    List<Address> listed;
    Hash hash;
    try {
      listed = QbftExtraDataCodec.decode(header.extraData()).validators();
      hash = QbftBlockHashing.blockHash(header);
    } catch (BlockCodecException e) {
      throw new FinalityVerificationException(
          Reason.MALFORMED, "the header has no QBFT extraData: " + e.getMessage(), e);
    }
    if (!hash.equals(proof.blockHash())) {
      throw new FinalityVerificationException(
          Reason.MALFORMED, "blockHash " + proof.blockHash() + " is not the header's " + hash);
    }
    if (!listed.equals(proof.validators())) {
      throw new FinalityVerificationException(
          Reason.MALFORMED, "validators " + proof.validators() + " are not the header's " + listed);
    }
  }

  private static void requireTransaction(Hash asked, DecodedProof proof) {
    Hash proven = Keccak.hash(proof.transaction());
    if (!proven.equals(asked)) {
      throw new FinalityVerificationException(
          Reason.WRONG_TRANSACTION, "the proof shows transaction " + proven + ", not " + asked);
    }
    ProofResult result =
        MerkleProof.verify(
            proof.header().transactionsRoot(),
            indexKey(proof.transactionIndex()),
            proof.transactionProof());
    if (!result.equals(new ProofResult.Present(proof.transaction()))) {
      throw new FinalityVerificationException(
          Reason.TRANSACTION_NOT_PROVEN,
          "transaction index " + proof.transactionIndex() + " of the block: " + result);
    }
  }

  private static Receipt requireReceipt(DecodedProof proof) {
    ProofResult result =
        MerkleProof.verify(
            proof.header().receiptsRoot(),
            indexKey(proof.transactionIndex()),
            proof.receiptProof());
    if (!result.equals(new ProofResult.Present(proof.receipt()))) {
      throw new FinalityVerificationException(
          Reason.RECEIPT_NOT_PROVEN,
          "receipt index " + proof.transactionIndex() + " of the block: " + result);
    }
    try {
      return ReceiptCodec.decode(proof.receipt());
    } catch (BlockCodecException e) {
      throw new FinalityVerificationException(
          Reason.MALFORMED, "the proven receipt does not decode: " + e.getMessage(), e);
    }
  }

  /** The key of a block's transaction and receipt number {@code index} in their tries. */
  private static Bytes indexKey(int index) {
    return Bytes.wrap(Rlp.uint(index));
  }

  private static List<String> hex(List<Address> addresses) {
    return addresses.stream().map(Address::toHex).toList();
  }
}
