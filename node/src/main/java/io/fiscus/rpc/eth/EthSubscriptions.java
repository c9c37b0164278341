package io.fiscus.rpc.eth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.chain.ChainListener;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.OwnerQuota;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code eth_subscribe("newHeads")} and {@code eth_subscribe("logs", filter)} over WebSocket, fed
 * by committed blocks.
 *
 * <p>{@link #onBlockCommitted} only hands the block to one notifier thread (a bounded queue of
 * {@value #BLOCKS_WAITING_MAX} blocks), so the committer never waits for subscribers. The notifier
 * pushes each notification into the connection's own bounded queue; a connection that falls behind
 * is closed and its subscriptions dropped. If the notifier itself falls behind, every subscribed
 * connection is closed: silently skipping blocks would be worse, and clients reconnect and resync.
 * Subscriptions are capped per connection and, through an {@link OwnerQuota}, per caller (or IP).
 */
public final class EthSubscriptions implements SubscriptionService, ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger(EthSubscriptions.class);
  private static final int BLOCKS_WAITING_MAX = 256;
  private static final int ID_BYTES = 16;

  private final RpcLimits limits;
  private final OwnerQuota quota;
  private final ObjectMapper mapper = JsonRpcDispatcher.newMapper();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private volatile ThreadPoolExecutor notifier;

  /**
   * One subscription: its connection, who holds it, and, for {@code logs}, its filter (null for
   * newHeads).
   */
  private record Subscription(String id, SubscriptionSink sink, LimitKey owner, LogFilter logs) {}

  public EthSubscriptions(RpcLimits limits, OwnerQuota quota) {
    this.limits = limits;
    this.quota = quota;
  }

  /** Starts the notifier thread. */
  public void start() {
    notifier =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BLOCKS_WAITING_MAX),
            runnable -> {
              Thread thread = new Thread(runnable, "rpc-subscriptions");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Stops the notifier; blocks committed afterwards are not pushed. */
  public void stop() {
    ThreadPoolExecutor running = notifier;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public Map<String, RpcMethod> connectionMethods(SubscriptionSink connection, LimitKey owner) {
    return Map.of(
        "eth_subscribe", params -> subscribe(connection, owner, params),
        "eth_unsubscribe", params -> unsubscribe(connection, params.string(0)));
  }

  @Override
  public void connectionClosed(SubscriptionSink connection) {
    for (Subscription subscription : subscriptions.values()) {
      if (subscription.sink().equals(connection)) {
        remove(subscription);
      }
    }
  }

  private boolean remove(Subscription subscription) {
    // remove(id, value) succeeds once, so a subscription dropped twice is released once.
    boolean removed = subscriptions.remove(subscription.id(), subscription);
    if (removed) {
      quota.release(subscription.owner());
    }
    return removed;
  }

  /** Live subscriptions, for tests. */
  public int size() {
    return subscriptions.size();
  }

  @Override
  public void onBlockCommitted(CommittedBlock block) {
    ThreadPoolExecutor running = notifier;
    if (running == null || subscriptions.isEmpty()) {
      return;
    }
    try {
      running.execute(() -> publishSafely(block));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "Subscription notifier is {} blocks behind; closing subscribers", BLOCKS_WAITING_MAX);
      for (Subscription subscription : List.copyOf(subscriptions.values())) {
        subscription.sink().close();
        connectionClosed(subscription.sink());
      }
    }
  }

  private String subscribe(SubscriptionSink connection, LimitKey owner, RpcParams params) {
    String kind = params.string(0);
    LogFilter logs =
        switch (kind) {
          case "newHeads" -> null;
          case "logs" ->
              params.optional(1).map(LogFilter::parse).orElseGet(EthSubscriptions::anyLog);
          default -> throw RpcException.invalidParams("unsupported subscription " + kind);
        };
    long open = subscriptions.values().stream().filter(s -> s.sink().equals(connection)).count();
    if (open >= limits.subscriptionsPerConnectionMax()) {
      throw LogSearch.limitExceeded(
          "at most " + limits.subscriptionsPerConnectionMax() + " subscriptions per connection");
    }
    if (!quota.tryAcquire(owner)) {
      throw LogSearch.limitExceeded(quota.refusal(owner));
    }
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = "0x" + HexFormat.of().formatHex(bytes);
    subscriptions.put(id, new Subscription(id, connection, owner, logs));
    return id;
  }

  private boolean unsubscribe(SubscriptionSink connection, String id) {
    Subscription subscription = subscriptions.get(id);
    // Another connection's id is treated as unknown: ids are not capabilities across connections.
    return subscription != null && subscription.sink().equals(connection) && remove(subscription);
  }

  private void publishSafely(CommittedBlock block) {
    try {
      publish(block);
    } catch (RuntimeException e) {
      LOG.warn("Cannot publish block {} to subscribers", block.number(), e);
    }
  }

  private void publish(CommittedBlock block) {
    JsonNode head =
        mapper.valueToTree(BlockJson.HeaderJson.of(block.block().header(), block.hash()));
    List<LogJson.Located> logs = null;
    for (Subscription subscription : subscriptions.values()) {
      if (subscription.logs() == null) {
        send(subscription, head);
        continue;
      }
      if (!subscription.logs().mightMatch(block.block().header().logsBloom())) {
        continue;
      }
      if (logs == null) {
        logs = LogJson.locate(block.transactions(), block.outcomes());
      }
      for (LogJson.Located located : logs) {
        if (subscription.logs().matches(located.log())
            && !send(
                subscription, mapper.valueToTree(located.json(block.hash(), block.number())))) {
          break;
        }
      }
    }
  }

  private boolean send(Subscription subscription, JsonNode result) {
    ObjectNode notification = mapper.createObjectNode();
    notification.put("jsonrpc", "2.0");
    notification.put("method", "eth_subscription");
    ObjectNode params = notification.putObject("params");
    params.put("subscription", subscription.id());
    params.set("result", result);
    String text;
    try {
      text = mapper.writeValueAsString(notification);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
    if (subscription.sink().push(text)) {
      return true;
    }
    connectionClosed(subscription.sink());
    return false;
  }

  private static LogFilter anyLog() {
    return new LogFilter(
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
  }
}
