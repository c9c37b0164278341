package io.fiscus.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.limits.LimitKey;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code eth_subscribe} under the visibility rules: each connection's notifications pass through a
 * sink that drops the logs of transactions its caller (the one the WebSocket upgrade authenticated)
 * may not see. New heads pass: block headers are public to every authenticated caller.
 */
public final class VisibleSubscriptions implements SubscriptionService {
  private final SubscriptionService subscriptions;
  private final GuardedMethods rules;
  private final Map<SubscriptionSink, SubscriptionSink> filtered = new ConcurrentHashMap<>();

  public VisibleSubscriptions(SubscriptionService subscriptions, GuardedMethods rules) {
    this.subscriptions = subscriptions;
    this.rules = rules;
  }

  @Override
  public Map<String, RpcMethod> connectionMethods(SubscriptionSink connection, LimitKey owner) {
    return connectionMethods(connection, RpcAccess.ANONYMOUS, owner);
  }

  @Override
  public Map<String, RpcMethod> connectionMethods(
      SubscriptionSink connection, RpcAccess access, LimitKey owner) {
    Optional<Caller> caller =
        access instanceof RpcAccess.Authenticated authenticated
            ? Optional.of(authenticated.caller())
            : Optional.empty();
    SubscriptionSink sink = new FilteringSink(connection, caller);
    filtered.put(connection, sink);
    return subscriptions.connectionMethods(sink, owner);
  }

  @Override
  public void connectionClosed(SubscriptionSink connection) {
    SubscriptionSink sink = filtered.remove(connection);
    subscriptions.connectionClosed(sink == null ? connection : sink);
  }

  /**
   * Passes on what the caller may see; an anonymous connection gets no logs at all. The rules of
   * one block are reused for all its logs (a block's transactions are decoded once).
   */
  private final class FilteringSink implements SubscriptionSink {
    private final SubscriptionSink connection;
    private final Optional<Caller> caller;
    private String block = "";
    private Visibility visibility;

    FilteringSink(SubscriptionSink connection, Optional<Caller> caller) {
      this.connection = connection;
      this.caller = caller;
    }

    @Override
    public boolean push(String notification) {
      return !visible(notification) || connection.push(notification);
    }

    private synchronized boolean visible(String notification) {
      JsonNode result;
      try {
        result = GuardedMethods.JSON.readTree(notification).path("params").path("result");
      } catch (IOException e) {
        throw new IllegalStateException("the subscription service wrote invalid JSON", e);
      }
      if (!result.has("transactionHash")) {
        return true;
      }
      if (caller.isEmpty()) {
        return false;
      }
      String blockHash = result.path("blockHash").asText();
      if (visibility == null || !block.equals(blockHash)) {
        visibility = rules.visibility(caller.get(), "eth_subscribe");
        block = blockHash;
      }
      return ResultFilters.transactionVisible(visibility, result);
    }

    @Override
    public void close() {
      connection.close();
    }
  }
}
