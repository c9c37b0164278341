package io.fiscus.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.limits.LimitKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EthSubscriptionsTest {
  private static final LimitKey OWNER = new LimitKey.Ip(InetAddress.getLoopbackAddress());
  private final RpcTestSupport rpc = new RpcTestSupport();
  private final EthSubscriptions subscriptions = rpc.eth.subscriptions();

  /** A connection that accepts a fixed number of notifications, then reports itself full. */
  private static final class FakeSink implements SubscriptionSink {
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();
    final int capacity;

    FakeSink(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public boolean push(String notification) {
      if (received.size() >= capacity) {
        return false;
      }
      received.add(notification);
      return true;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @BeforeEach
  void start() {
    subscriptions.start();
  }

  @AfterEach
  void stop() {
    subscriptions.stop();
  }

  private static Object call(Map<String, RpcMethod> methods, String name, String params)
      throws Exception {
    return methods.get(name).call(new RpcParams(RpcTestSupport.JSON.readTree(params)));
  }

  @Test
  void aSubscriberThatFallsBehindLosesItsSubscriptions() throws Exception {
    FakeSink slow = new FakeSink(1);
    FakeSink fast = new FakeSink(100);
    call(subscriptions.connectionMethods(slow, OWNER), "eth_subscribe", "[\"newHeads\"]");
    call(subscriptions.connectionMethods(fast, OWNER), "eth_subscribe", "[\"newHeads\"]");
    rpc.chain.append(List.of());
    rpc.chain.append(List.of());
    rpc.chain.append(List.of());
    await().until(() -> fast.received.size() == 3);
    assertThat(slow.received).hasSize(1);
    assertThat(subscriptions.size()).isEqualTo(1);
    JsonNode head = RpcTestSupport.JSON.readTree(fast.received.get(2));
    assertThat(head.get("params").get("result").get("number").asText()).isEqualTo("0x3");
  }

  @Test
  void subscriptionsBelongToTheirConnection() throws Exception {
    FakeSink owner = new FakeSink(10);
    FakeSink other = new FakeSink(10);
    String id =
        (String)
            call(subscriptions.connectionMethods(owner, OWNER), "eth_subscribe", "[\"logs\", {}]");
    assertThat(
            call(
                subscriptions.connectionMethods(other, OWNER),
                "eth_unsubscribe",
                "[\"" + id + "\"]"))
        .isEqualTo(false);
    assertThat(subscriptions.size()).isEqualTo(1);
    subscriptions.connectionClosed(owner);
    assertThat(subscriptions.size()).isZero();
  }

  @Test
  void unknownKindsAndTooManySubscriptionsAreRefused() throws Exception {
    FakeSink sink = new FakeSink(10);
    Map<String, RpcMethod> methods = subscriptions.connectionMethods(sink, OWNER);
    try {
      call(methods, "eth_subscribe", "[\"syncing\"]");
      throw new AssertionError("accepted an unsupported subscription");
    } catch (RpcException e) {
      assertThat(e.code()).isEqualTo(-32602);
    }
    for (int i = 0; i < rpc.limits.subscriptionsPerConnectionMax(); i++) {
      call(methods, "eth_subscribe", "[\"newHeads\"]");
    }
    try {
      call(methods, "eth_subscribe", "[\"newHeads\"]");
      throw new AssertionError("accepted a subscription beyond the limit");
    } catch (RpcException e) {
      assertThat(e.code()).isEqualTo(-32005);
    }
  }

  @Test
  void subscribingOverHttpIsMethodNotFound() {
    assertThat(rpc.error("eth_subscribe", "[\"newHeads\"]").get("code").asInt()).isEqualTo(-32601);
  }
}
