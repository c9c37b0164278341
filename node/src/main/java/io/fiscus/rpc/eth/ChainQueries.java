package io.fiscus.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Hash;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The read questions the {@code eth_} methods share: block parameters, block hashes and total
 * difficulty, over a {@link ChainReader}.
 */
public final class ChainQueries {
  private final ChainReader chain;

  public ChainQueries(ChainReader chain) {
    this.chain = chain;
  }

  public ChainReader chain() {
    return chain;
  }

  /**
   * A block parameter: {@code latest}, {@code pending}, {@code safe}, {@code finalized} (all the
   * head: every block is final, and a pending block is not exposed), {@code earliest} or a hex
   * number. Empty when the number is above the head. Anything else is -32602.
   */
  public OptionalLong blockNumber(JsonNode parameter, String what) {
    if (!parameter.isTextual()) {
      throw RpcException.invalidParams(what + ": expected a block number or tag");
    }
    long head = chain.headNumber();
    long number =
        switch (parameter.asText()) {
          case "latest", "pending", "safe", "finalized" -> head;
          case "earliest" -> 0;
          default -> RpcParams.parseQuantity(parameter.asText(), what);
        };
    return number > head ? OptionalLong.empty() : OptionalLong.of(number);
  }

  /**
   * Like {@link #blockNumber(JsonNode, String)}, with {@code latest} when the parameter is absent.
   */
  public OptionalLong blockNumber(RpcParams params, int index) {
    Optional<JsonNode> parameter = params.optional(index);
    return parameter.isEmpty()
        ? OptionalLong.of(chain.headNumber())
        : blockNumber(parameter.get(), "parameter " + index);
  }

  /** The on-chain hash of a header (round and seals excluded, as QBFT hashes blocks). */
  public static Hash hash(BlockHeader header) {
    return QbftBlockHashing.blockHash(header);
  }

  /** The hash of block {@code number}, if committed. */
  public Optional<Hash> hash(long number) {
    return chain.header(number).map(ChainQueries::hash);
  }

  /**
   * Every QBFT block after genesis has difficulty 1, so the total is genesis' difficulty plus the
   * number of blocks after it.
   */
  public long totalDifficulty(long number) {
    long genesisDifficulty = chain.header(0).map(BlockHeader::difficulty).orElse(0L);
    return genesisDifficulty + number;
  }
}
