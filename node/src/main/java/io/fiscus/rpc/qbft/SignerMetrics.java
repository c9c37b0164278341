package io.fiscus.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.state.BlockParameter;
import io.fiscus.rpc.state.Quantity;
import io.fiscus.types.Address;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code qbft_getSignerMetrics [fromBlock?, toBlock?]}: per proposer (a QBFT block's coinbase), how
 * many blocks of the range it proposed and the last one, as Web3j's {@code BesuSignerMetric} reads
 * them ({@code address}, {@code proposedBlockCount}, {@code lastProposedBlockNumber}, both hex). As
 * in Besu, {@code fromBlock} is inclusive and {@code toBlock} exclusive, the default range is the
 * last {@value #DEFAULT_RANGE} blocks, and the validators of the range's last block that proposed
 * nothing are listed with zeros. Differences: a {@code toBlock} tag or a number past the head means
 * "through the head", genesis (which nobody proposed) is never counted, and a range is at most
 * {@value #RANGE_MAX} blocks. Entries are sorted by address.
 */
final class SignerMetrics {
  static final long DEFAULT_RANGE = 100;
  static final long RANGE_MAX = 10_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private record Metric(long proposedBlockCount, long lastProposedBlockNumber) {}

  private final ChainReader chain;

  SignerMetrics(ChainReader chain) {
    this.chain = chain;
  }

  Object signerMetrics(RpcParams params) {
    long head = chain.headNumber();
    long end = params.optional(1).map(node -> end(node, head)).orElse(head + 1);
    long start =
        params
            .optional(0)
            .map(node -> BlockParameter.number(node, "parameter 0", head))
            .orElse(Math.max(0, end - DEFAULT_RANGE));
    if (start >= end) {
      throw RpcException.invalidParams("fromBlock must be below toBlock (exclusive)");
    }
    if (end - start > RANGE_MAX) {
      throw RpcException.invalidParams("at most " + RANGE_MAX + " blocks per request");
    }
    SortedMap<Address, Metric> metrics = new TreeMap<>();
    for (long number = Math.max(1, start); number < end; number++) {
      Optional<BlockHeader> header = chain.header(number);
      if (header.isEmpty()) {
        break;
      }
      long blockNumber = number;
      metrics.merge(
          header.get().coinbase(),
          new Metric(1, blockNumber),
          (old, one) -> new Metric(old.proposedBlockCount() + 1, blockNumber));
    }
    chain
        .header(end - 1)
        .ifPresent(
            last ->
                QbftExtraDataCodec.decode(last.extraData())
                    .validators()
                    .forEach(validator -> metrics.putIfAbsent(validator, new Metric(0, 0))));
    ArrayNode out = JSON.arrayNode();
    metrics.forEach(
        (address, metric) -> {
          ObjectNode entry = out.addObject();
          entry.put("address", address.toHex());
          entry.put("proposedBlockCount", Quantity.hex(metric.proposedBlockCount()));
          entry.put("lastProposedBlockNumber", Quantity.hex(metric.lastProposedBlockNumber()));
        });
    return out;
  }

  /** The exclusive end: a number capped at head + 1, or a tag meaning through the head. */
  private static long end(JsonNode node, long head) {
    if (node.isTextual() && node.asText().equals("earliest")) {
      return 0;
    }
    if (node.isTextual() && !node.asText().startsWith("0x")) {
      BlockParameter.number(node, "parameter 1", head);
      return head + 1;
    }
    return Math.min(BlockParameter.number(node, "parameter 1", head), head + 1);
  }
}
