package io.fiscus.rpc.eth;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fiscus.block.Block;
import io.fiscus.block.BlockCodec;
import io.fiscus.block.BlockHeader;
import io.fiscus.rpc.Quantity;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A block as {@code eth_getBlockByNumber/ByHash} return it (Web3j's {@code EthBlock.Block}): the
 * header fields, then total difficulty, RLP size, the transactions (hashes or full objects) and the
 * always-empty uncles.
 */
public record BlockJson(
    @JsonUnwrapped HeaderJson header,
    String totalDifficulty,
    String size,
    List<Object> transactions,
    List<String> uncles) {

  /** A header as {@code newHeads} notifications show it, and the first fields of a block. */
  public record HeaderJson(
      String number,
      String hash,
      String parentHash,
      String nonce,
      String sha3Uncles,
      String logsBloom,
      String transactionsRoot,
      String stateRoot,
      String receiptsRoot,
      String miner,
      String difficulty,
      String extraData,
      String gasLimit,
      String gasUsed,
      String timestamp,
      String mixHash,
      String baseFeePerGas) {

    public static HeaderJson of(BlockHeader header, Hash hash) {
      return new HeaderJson(
          Quantity.of(header.number()),
          hash.toHex(),
          header.parentHash().toHex(),
          header.nonce().toHex(),
          header.ommersHash().toHex(),
          header.logsBloom().bytes().toHex(),
          header.transactionsRoot().toHex(),
          header.stateRoot().toHex(),
          header.receiptsRoot().toHex(),
          header.coinbase().toHex(),
          Quantity.of(header.difficulty()),
          header.extraData().toHex(),
          Quantity.of(header.gasLimit()),
          Quantity.of(header.gasUsed()),
          Quantity.of(header.timestamp()),
          header.mixHash().toHex(),
          Quantity.of(header.baseFeePerGas()));
    }
  }

  /**
   * The JSON of a committed block.
   *
   * @param transactions the block's transactions decoded, in block order
   * @param fullTransactions objects ({@code true}) or hashes ({@code false})
   */
  public static BlockJson of(
      Block block,
      Hash hash,
      long totalDifficulty,
      List<SignedTransaction> transactions,
      boolean fullTransactions) {
    BlockHeader header = block.header();
    List<Object> shown = new ArrayList<>(transactions.size());
    for (int index = 0; index < transactions.size(); index++) {
      SignedTransaction transaction = transactions.get(index);
      shown.add(
          fullTransactions
              ? TransactionJson.included(transaction, hash, header.number(), index)
              : transaction.hash().toHex());
    }
    return new BlockJson(
        HeaderJson.of(header, hash),
        Quantity.of(totalDifficulty),
        Quantity.of(BlockCodec.encode(block).size()),
        shown,
        List.of());
  }
}
