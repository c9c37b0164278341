package io.fiscus.rpc.eth;

import io.fiscus.block.Log;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.rpc.Quantity;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A log as {@code eth_getLogs}, receipts and {@code logs} subscriptions show it (Web3j's {@code
 * Log}). {@code logIndex} counts logs across the whole block.
 */
public record LogJson(
    boolean removed,
    String logIndex,
    String transactionIndex,
    String transactionHash,
    String blockHash,
    String blockNumber,
    String address,
    String data,
    List<String> topics) {

  /** The log in its block context. */
  public static LogJson of(
      Log log,
      long logIndex,
      int transactionIndex,
      Hash transactionHash,
      Hash blockHash,
      long blockNumber) {
    return new LogJson(
        false,
        Quantity.of(logIndex),
        Quantity.of(transactionIndex),
        transactionHash.toHex(),
        blockHash.toHex(),
        Quantity.of(blockNumber),
        log.address().toHex(),
        log.data().toHex(),
        log.topics().stream().map(Hash::toHex).toList());
  }

  /** Every log of a block in order, each with its block-wide index and its transaction. */
  public static List<Located> locate(
      List<SignedTransaction> transactions, List<TransactionOutcome> outcomes) {
    List<Located> located = new ArrayList<>();
    long logIndex = 0;
    for (int index = 0; index < outcomes.size(); index++) {
      for (Log log : outcomes.get(index).receipt().logs()) {
        located.add(new Located(log, logIndex++, index, transactions.get(index).hash()));
      }
    }
    return located;
  }

  /** A log with where it is in its block. */
  public record Located(Log log, long logIndex, int transactionIndex, Hash transactionHash) {
    public LogJson json(Hash blockHash, long blockNumber) {
      return LogJson.of(log, logIndex, transactionIndex, transactionHash, blockHash, blockNumber);
    }
  }
}
