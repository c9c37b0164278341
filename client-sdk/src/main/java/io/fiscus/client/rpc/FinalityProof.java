package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The node's evidence that a transaction is final ({@code cbdc_getFinalityProof}), as sent: nothing
 * here is checked. {@code io.fiscus.client.finality.FinalityVerifier} checks it against the
 * validators the client trusts.
 *
 * @param blockNumber the block holding the transaction
 * @param blockHash the block's hash
 * @param header the sealed header's RLP, hex
 * @param validators the validators in the header's extra data
 * @param txIndex the transaction's index in the block
 * @param transaction the raw signed transaction, hex
 * @param txProof the Merkle proof nodes of {@code rlp(txIndex)} against the header's transactions
 *     root
 * @param receipt the receipt's consensus encoding, hex
 * @param receiptProof the Merkle proof nodes of {@code rlp(txIndex)} against the header's receipts
 *     root
 */
public record FinalityProof(
    long blockNumber,
    String blockHash,
    String header,
    List<String> validators,
    long txIndex,
    String transaction,
    List<String> txProof,
    String receipt,
    List<String> receiptProof) {
  /** Copies the lists. */
  public FinalityProof {
    validators = List.copyOf(validators);
    txProof = List.copyOf(txProof);
    receiptProof = List.copyOf(receiptProof);
  }

  static FinalityProof fromJson(JsonNode json) {
    return new FinalityProof(
        Json.quantity(json, "blockNumber"),
        Json.text(json, "blockHash"),
        Json.text(json, "header"),
        Json.texts(json, "validators"),
        Json.quantity(json, "txIndex"),
        Json.text(json, "transaction"),
        Json.texts(json, "txProof"),
        Json.text(json, "receipt"),
        Json.texts(json, "receiptProof"));
  }
}
