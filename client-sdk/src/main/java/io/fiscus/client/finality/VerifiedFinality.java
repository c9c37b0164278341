package io.fiscus.client.finality;

import io.fiscus.block.Log;
import io.fiscus.block.Receipt;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What a verified finality proof shows, trusting only the validators the client trusts: the
 * transaction is at {@code transactionIndex} of block {@code blockNumber}, which {@code sealers} (a
 * quorum of {@code validators}) committed, with {@code receipt} as its outcome. Hashes and
 * addresses are lower-case {@code 0x} hex.
 *
 * @param transactionHash the transaction asked about
 * @param blockNumber the block it is final in
 * @param blockHash that block's hash
 * @param transactionIndex its index in the block
 * @param receiptSucceeded whether its call succeeded (receipt status 1) or reverted (0)
 * @param sealers the validators whose commit seals the block carries, in seal order
 * @param quorum how many seals the block needed, {@code ((2n-1)/3)+1} of {@code n} validators
 * @param validators the block's validator set, sorted, as the client trusts it
 * @param receipt the proven receipt: status, cumulative gas, logs bloom and logs
 */
public record VerifiedFinality(
    String transactionHash,
    long blockNumber,
    String blockHash,
    int transactionIndex,
    boolean receiptSucceeded,
    List<String> sealers,
    int quorum,
    List<String> validators,
    Receipt receipt) {

  /** Copies the lists. */
  public VerifiedFinality {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(receipt, "receipt");
    sealers = List.copyOf(sealers);
    validators = List.copyOf(validators);
  }

  /**
   * Whether a receipt the node served ({@code eth_getTransactionReceipt}) says what the proof
   * shows: same transaction, block and index, same status, cumulative gas and logs (address,
   * topics, data, in order). A node that served anything else lied in one of its answers.
   *
   * @param served the receipt from {@code eth_getTransactionReceipt}
   * @return true if it says what the proof shows
   */
  public boolean agreesWith(TransactionReceipt served) {
    return transactionHash.equalsIgnoreCase(served.getTransactionHash())
        && blockHash.equalsIgnoreCase(served.getBlockHash())
        && quantity(served.getBlockNumberRaw()) == blockNumber
        && quantity(served.getTransactionIndexRaw()) == transactionIndex
        && quantity(served.getStatus()) == (receiptSucceeded ? 1 : 0)
        && quantity(served.getCumulativeGasUsedRaw()) == receipt.cumulativeGasUsed()
        && logsAgree(served.getLogs());
  }

  private boolean logsAgree(List<org.web3j.protocol.core.methods.response.Log> served) {
    if (served == null || served.size() != receipt.logs().size()) {
      return false;
    }
    for (int i = 0; i < served.size(); i++) {
      Log proven = receipt.logs().get(i);
      org.web3j.protocol.core.methods.response.Log log = served.get(i);
      List<String> topics = proven.topics().stream().map(Hash::toHex).toList();
      if (!proven.address().toHex().equalsIgnoreCase(log.getAddress())
          || !topics.equals(lowerCase(log.getTopics()))
          || !proven.data().toHex().equalsIgnoreCase(log.getData())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> lowerCase(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
  }

  /** The value of a served quantity; -1, which no proven value has, if it is not one. */
  private static long quantity(String hex) {
    try {
      return Quantities.parse(hex, "quantity");
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
