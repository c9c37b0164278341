package io.fiscus.client.finality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code cbdc_getFinalityProof} answer as the node sends it: hex strings, nothing checked yet.
 * {@link FinalityVerifier#verify(String, FinalityProof)} decides what it shows.
 *
 * @param blockNumber the block's number, a hex quantity
 * @param blockHash the block's hash (QBFT: round and commit seals excluded)
 * @param header the sealed header's RLP, its extraData carrying the commit seals
 * @param validators the validator set in the header's extraData, in its order
 * @param txIndex the transaction's index in the block, a hex quantity
 * @param transaction the raw signed transaction, as it hashes to its transaction hash
 * @param txProof the trie nodes from the header's {@code transactionsRoot} to the transaction,
 *     under key {@code rlp(txIndex)}
 * @param receipt the receipt's consensus encoding
 * @param receiptProof the trie nodes from the header's receipts root to the receipt, under the same
 *     key
 */
public record FinalityProof(
    String blockNumber,
    String blockHash,
    String header,
    List<String> validators,
    String txIndex,
    String transaction,
    List<String> txProof,
    String receipt,
    List<String> receiptProof) {

  /**
   * Copies the lists. Absent fields and null items are kept as they came, for the verifier to
   * reject as malformed.
   */
  public FinalityProof {
    validators = copy(validators);
    txProof = copy(txProof);
    receiptProof = copy(receiptProof);
  }

  private static List<String> copy(List<String> items) {
    return items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
  }
}
