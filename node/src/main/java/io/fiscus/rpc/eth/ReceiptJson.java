package io.fiscus.rpc.eth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fiscus.abi.RevertData;
import io.fiscus.block.Log;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.rpc.Quantity;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A receipt as {@code eth_getTransactionReceipt} returns it (Web3j's {@code TransactionReceipt}).
 * Fees are zero on Fiscus, so {@code effectiveGasPrice} is {@code 0x0}; no transaction creates a
 * contract, so {@code contractAddress} is null. A reverted transaction carries Besu's {@code
 * revertReason}: the ABI-encoded {@code Error(string)}.
 */
public record ReceiptJson(
    String transactionHash,
    String transactionIndex,
    String blockHash,
    String blockNumber,
    String from,
    String to,
    String cumulativeGasUsed,
    String gasUsed,
    String contractAddress,
    List<LogJson> logs,
    String logsBloom,
    String status,
    String type,
    String effectiveGasPrice,
    @JsonInclude(JsonInclude.Include.NON_NULL) String revertReason) {

  /** The receipt of transaction {@code index}; {@code firstLogIndex} is its first log's index. */
  public static ReceiptJson of(
      SignedTransaction transaction,
      TransactionOutcome outcome,
      int index,
      long firstLogIndex,
      Hash blockHash,
      long blockNumber) {
    List<LogJson> logs = new ArrayList<>(outcome.receipt().logs().size());
    long logIndex = firstLogIndex;
    for (Log log : outcome.receipt().logs()) {
      logs.add(LogJson.of(log, logIndex++, index, transaction.hash(), blockHash, blockNumber));
    }
    return new ReceiptJson(
        transaction.hash().toHex(),
        Quantity.of(index),
        blockHash.toHex(),
        Quantity.of(blockNumber),
        transaction.sender().toHex(),
        transaction.to().map(Address::toHex).orElse(null),
        Quantity.of(outcome.receipt().cumulativeGasUsed()),
        Quantity.of(outcome.gasUsed()),
        null,
        logs,
        outcome.receipt().logsBloom().bytes().toHex(),
        outcome.receipt().success() ? "0x1" : "0x0",
        Quantity.of(outcome.receipt().type()),
        Quantity.ZERO,
        outcome.revertReason().map(reason -> RevertData.encode(reason).toHex()).orElse(null));
  }

  /** The receipts of a whole block, in order. */
  public static List<ReceiptJson> forBlock(
      List<SignedTransaction> transactions,
      List<TransactionOutcome> outcomes,
      Hash blockHash,
      long blockNumber) {
    List<ReceiptJson> receipts = new ArrayList<>(outcomes.size());
    long logIndex = 0;
    for (int index = 0; index < outcomes.size(); index++) {
      TransactionOutcome outcome = outcomes.get(index);
      receipts.add(of(transactions.get(index), outcome, index, logIndex, blockHash, blockNumber));
      logIndex += outcome.receipt().logs().size();
    }
    return receipts;
  }

  /** The block-wide index of transaction {@code index}'s first log. */
  public static long firstLogIndex(List<TransactionOutcome> outcomes, int index) {
    long count = 0;
    for (int i = 0; i < index; i++) {
      count += outcomes.get(i).receipt().logs().size();
    }
    return count;
  }
}
