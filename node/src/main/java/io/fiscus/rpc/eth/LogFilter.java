package io.fiscus.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.Log;
import io.fiscus.block.LogsBloom;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which logs a query wants, Ethereum's way: any of {@code addresses} (empty = any) and, per topic
 * position, any of the listed topics (an empty list at a position = any). Optional block bounds
 * ({@code fromBlock}, {@code toBlock} as given, resolved when the query runs) or one {@code
 * blockHash}.
 */
public record LogFilter(
    Optional<String> fromBlock,
    Optional<String> toBlock,
    Optional<Hash> blockHash,
    List<Address> addresses,
    List<List<Hash>> topics) {
  private static final int TOPICS_MAX = 4;
  private static final Set<String> TAGS =
      Set.of("latest", "pending", "safe", "finalized", "earliest");

  public LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  /** Parses a filter object ({@code eth_getLogs}, {@code eth_newFilter}, {@code logs}). */
  public static LogFilter parse(JsonNode filter) {
    if (!filter.isObject()) {
      throw RpcException.invalidParams("the filter must be an object");
    }
    Optional<String> from = bound(filter.get("fromBlock"), "fromBlock");
    Optional<String> to = bound(filter.get("toBlock"), "toBlock");
    Optional<Hash> blockHash = Optional.empty();
    JsonNode hashNode = filter.get("blockHash");
    if (hashNode != null && !hashNode.isNull()) {
      if (!hashNode.isTextual()) {
        throw RpcException.invalidParams("blockHash must be a string");
      }
      if (from.isPresent() || to.isPresent()) {
        throw RpcException.invalidParams("blockHash excludes fromBlock and toBlock");
      }
      blockHash = Optional.of(RpcParams.parseHash(hashNode.asText(), "blockHash"));
    }
    return new LogFilter(
        from, to, blockHash, addresses(filter.get("address")), topics(filter.get("topics")));
  }

  /** False when the bloom proves no log of the block can match. */
  public boolean mightMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) {
      return false;
    }
    for (List<Hash> alternatives : topics) {
      if (!alternatives.isEmpty() && alternatives.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      // Filtering on a position requires a topic there, even when the position is a wildcard.
      for (int position = log.topics().size(); position < topics.size(); position++) {
        if (!topics.get(position).isEmpty()) {
          return false;
        }
      }
    }
    for (int position = 0; position < Math.min(topics.size(), log.topics().size()); position++) {
      List<Hash> alternatives = topics.get(position);
      if (!alternatives.isEmpty() && !alternatives.contains(log.topics().get(position))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> bound(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw RpcException.invalidParams(what + " must be a block number or tag");
    }
    String text = node.asText();
    if (!TAGS.contains(text)) {
      RpcParams.parseQuantity(text, what);
    }
    return Optional.of(text);
  }

  private static List<Address> addresses(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(RpcParams.parseAddress(node.asText(), "address"));
    }
    if (!node.isArray()) {
      throw RpcException.invalidParams("address must be an address or an array of addresses");
    }
    List<Address> addresses = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw RpcException.invalidParams("address must be an address or an array of addresses");
      }
      addresses.add(RpcParams.parseAddress(element.asText(), "address"));
    }
    return addresses;
  }

  private static List<List<Hash>> topics(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > TOPICS_MAX) {
      throw RpcException.invalidParams("topics must be an array of at most 4 positions");
    }
    List<List<Hash>> topics = new ArrayList<>(node.size());
    for (JsonNode position : node) {
      topics.add(alternatives(position));
    }
    return topics;
  }

  private static List<Hash> alternatives(JsonNode position) {
    if (position.isNull()) {
      return List.of();
    }
    if (position.isTextual()) {
      return List.of(RpcParams.parseHash(position.asText(), "topic"));
    }
    if (!position.isArray()) {
      throw RpcException.invalidParams("a topic must be null, a hash or an array of hashes");
    }
    List<Hash> alternatives = new ArrayList<>(position.size());
    for (JsonNode topic : position) {
      if (topic.isNull()) {
        return List.of(); // a null alternative matches anything
      }
      if (!topic.isTextual()) {
        throw RpcException.invalidParams("a topic must be null, a hash or an array of hashes");
      }
      alternatives.add(RpcParams.parseHash(topic.asText(), "topic"));
    }
    return alternatives;
  }
}
