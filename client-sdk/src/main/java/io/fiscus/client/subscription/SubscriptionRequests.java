package io.fiscus.client.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The JSON-RPC requests an {@link IncomingSubscription} sends, and their log filters. */
final class SubscriptionRequests {
  private SubscriptionRequests() {}

  static String request(int id, String method, JsonNode... params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (JsonNode param : params) {
      array.add(param);
    }
    return request.toString();
  }

  static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  static ObjectNode filter(String address, String topic0, int position, String me) {
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.put("address", address);
    ArrayNode topics = filter.putArray("topics");
    topics.add(topic0);
    for (int i = 1; i < position; i++) {
      topics.addNull();
    }
    topics.add(me);
    return filter;
  }

  static ObjectNode range(ObjectNode filter, String fromBlock) {
    ObjectNode ranged = filter.deepCopy();
    ranged.put("fromBlock", fromBlock);
    ranged.put("toBlock", "latest");
    return ranged;
  }

  /** An address as an indexed topic: 12 zero bytes, then the 20 address bytes. */
  static String topicOf(String address) {
    String hex = address.toLowerCase(Locale.ROOT);
    if (!hex.matches("0x[0-9a-f]{40}")) {
      throw new IllegalArgumentException("not an address: " + address);
    }
    return "0x" + "0".repeat(24) + hex.substring(2);
  }

  /** Request ids: the answers tell what they answer. */
  static final class Rpc {
    static final int SUBSCRIBE_TRANSFERS = 1;
    static final int SUBSCRIBE_INVOICES = 2;
    static final int SUBSCRIBE_HEADS = 3;
    static final int BACKFILL = 4;
  }
}
