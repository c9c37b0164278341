package io.fiscus.rpc.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * A block parameter: a hex block number, one of the tags {@code latest}, {@code earliest}, {@code
 * pending}, {@code safe}, {@code finalized}, or an EIP-1898 object {@code {"blockNumber"}} / {@code
 * {"blockHash"}}. Every block is final under QBFT, so {@code pending}, {@code safe} and {@code
 * finalized} all mean the head.
 */
public final class BlockParameter {
  private BlockParameter() {}

  /**
   * The block number {@code node} names, with tags resolved against {@code headNumber}; a number
   * above the head is returned as is (the caller decides what an unknown block means).
   */
  public static long number(JsonNode node, String what, long headNumber) {
    if (!node.isTextual()) {
      throw RpcException.invalidParams(what + ": expected a block number or tag");
    }
    String text = node.asText();
    return switch (text) {
      case "latest", "pending", "safe", "finalized" -> headNumber;
      case "earliest" -> 0;
      default -> RpcParams.parseQuantity(text, what);
    };
  }

  /**
   * The header {@code node} names in {@code chain} ({@code latest} if {@code node} is absent), or
   * empty if there is no such block.
   */
  public static Optional<BlockHeader> header(
      ChainReader chain, Optional<JsonNode> node, String what) {
    if (node.isEmpty()) {
      return Optional.of(chain.headHeader());
    }
    JsonNode value = node.get();
    if (value.isObject()) {
      return headerOfObject(chain, value, what);
    }
    return chain.header(number(value, what, chain.headNumber()));
  }

  private static Optional<BlockHeader> headerOfObject(
      ChainReader chain, JsonNode value, String what) {
    JsonNode hash = value.get("blockHash");
    JsonNode number = value.get("blockNumber");
    if ((hash == null) == (number == null) || value.size() > 2) {
      throw RpcException.invalidParams(what + ": expected {blockHash} or {blockNumber}");
    }
    if (number != null) {
      return chain.header(number(number, what + ".blockNumber", chain.headNumber()));
    }
    if (!hash.isTextual()) {
      throw RpcException.invalidParams(what + ".blockHash: expected a block hash");
    }
    Hash blockHash = RpcParams.parseHash(hash.asText(), what + ".blockHash");
    return chain.numberOf(blockHash).flatMap(chain::header);
  }
}
