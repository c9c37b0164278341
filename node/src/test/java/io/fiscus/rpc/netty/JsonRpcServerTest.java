package io.fiscus.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.rpc.SubscriptionService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcServerTest {
  private static final String BLOCK_NUMBER =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
  private static final RpcLimits LIMITS =
      RpcLimits.defaults().withRequestBytesMax(4096).withWsFrameBytesMax(4096);

  private final RpcTestSupport rpc = new RpcTestSupport(LIMITS);
  private JsonRpcServer server;
  private int port;

  @BeforeEach
  void start() {
    rpc.eth.subscriptions().start();
    server = new JsonRpcServer("127.0.0.1", 0, rpc.dispatcher, rpc.eth.subscriptions(), LIMITS);
    port = server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
    rpc.eth.subscriptions().stop();
  }

  @Test
  void oneKeepAliveConnectionServesManyRequests() throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      for (int i = 0; i < 3; i++) {
        RawHttp.Response response = http.post(BLOCK_NUMBER);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.headers().get("connection")).isEqualToIgnoringCase("keep-alive");
        assertThat(json(response).get("result").asText()).isEqualTo("0x" + i);
        rpc.chain.commit(List.of());
      }
    }
  }

  @Test
  void anOversizeBodyIs413WithAJsonRpcErrorAndTheServerKeepsServing() throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      RawHttp.Response response = http.sendHeadOnly(10_000);
      assertThat(response.status()).isEqualTo(413);
      JsonNode error = json(response).get("error");
      assertThat(error.get("code").asInt()).isEqualTo(-32600);
      assertThat(error.get("message").asText()).isEqualTo("Invalid Request");
      assertThat(error.get("data").asText()).contains("4096 bytes");
      assertThat(http.closedByServer()).isTrue();
    }
    assertServes();
  }

  @Test
  void wrongPathsMethodsAndContentTypesAreRefusedAndTheConnectionStays() throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      assertThat(http.send("POST", "/other", "application/json", BLOCK_NUMBER).status())
          .isEqualTo(404);
      assertThat(http.send("PUT", "/", "application/json", BLOCK_NUMBER).status()).isEqualTo(405);
      assertThat(http.send("POST", "/", "text/plain", BLOCK_NUMBER).status()).isEqualTo(415);
      assertThat(
              http.send("POST", "/?x=1", "application/json; charset=utf-8", BLOCK_NUMBER).status())
          .isEqualTo(200);
    }
  }

  @Test
  void garbageAndNotificationsAreAnsweredOnTheSameConnection() throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      RawHttp.Response garbage = http.post("{\"jsonrpc\":");
      assertThat(garbage.status()).isEqualTo(200);
      assertThat(json(garbage).get("error").get("code").asInt()).isEqualTo(-32700);
      RawHttp.Response notification =
          http.post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\"}");
      assertThat(notification.status()).isEqualTo(204);
      RawHttp.Response batch = http.post("[" + BLOCK_NUMBER + "," + BLOCK_NUMBER + "]");
      assertThat(json(batch)).hasSize(2);
    }
  }

  @Test
  void aWebSocketSubscriberReceivesNewHeadsUntilItUnsubscribes() throws Exception {
    try (WsClient ws = new WsClient(port)) {
      ws.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
      String id = ws.next().get("result").asText();
      assertThat(id).startsWith("0x");

      CommittedBlock block = rpc.chain.commit(List.of(rpc.workload.transfer(1, 2, 1, 0)));
      JsonNode notification = ws.next();
      assertThat(notification.get("method").asText()).isEqualTo("eth_subscription");
      assertThat(notification.get("params").get("subscription").asText()).isEqualTo(id);
      JsonNode head = notification.get("params").get("result");
      assertThat(head.get("number").asText()).isEqualTo("0x1");
      assertThat(head.get("hash").asText()).isEqualTo(block.hash().toHex());

      ws.send(
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_unsubscribe\",\"params\":[\""
              + id
              + "\"]}");
      assertThat(ws.next().get("result").asBoolean()).isTrue();
      rpc.chain.commit(List.of());
      ws.send(BLOCK_NUMBER);
      // The next message is the answer, not a head: the subscription is gone.
      assertThat(ws.next().get("result").asText()).isEqualTo("0x2");
      assertThat(rpc.eth.subscriptions().size()).isZero();
    }
  }

  @Test
  void aLogsSubscriberReceivesMatchingLogs() throws Exception {
    try (WsClient ws = new WsClient(port)) {
      ws.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"logs\","
              + "{\"address\":\"0x000000000000000000000000000000000000cb01\"}]}");
      String id = ws.next().get("result").asText();
      CommittedBlock block =
          rpc.chain.commit(
              List.of(rpc.workload.transfer(1, 2, 1, 0), rpc.workload.transfer(2, 1, 1, 0)));
      for (int index = 0; index < 2; index++) {
        JsonNode log = ws.next().get("params");
        assertThat(log.get("subscription").asText()).isEqualTo(id);
        assertThat(log.get("result").get("transactionHash").asText())
            .isEqualTo(block.transactions().get(index).hash().toHex());
        assertThat(log.get("result").get("logIndex").asText()).isEqualTo("0x" + index);
      }
    }
  }

  @Test
  void aMalformedWebSocketMessageIsAnsweredAndTheConnectionStays() throws Exception {
    try (WsClient ws = new WsClient(port)) {
      ws.send("{not json");
      JsonNode error = ws.next();
      assertThat(error.get("error").get("code").asInt()).isEqualTo(-32700);
      ws.send("[]");
      assertThat(ws.next().get("error").get("code").asInt()).isEqualTo(-32600);
      ws.send(BLOCK_NUMBER);
      assertThat(ws.next().get("result").asText()).isEqualTo("0x0");
    }
  }

  @Test
  void anOversizeWebSocketMessageClosesTheConnectionButNotTheServer() throws Exception {
    try (WsClient ws = new WsClient(port)) {
      ws.send("[" + " ".repeat(5000) + "]");
      assertThat(ws.closeCode()).isEqualTo(1009);
    }
    assertServes();
  }

  @Test
  void aFullDispatchQueueIsAnsweredLimitExceeded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    RpcMethod slow =
        params -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "done";
        };
    RpcLimits tiny = new RpcLimits(4096, 10, 4096, 1, 1, 4, 16, 4, 4, 60_000, 100, 100);
    JsonRpcServer busy =
        new JsonRpcServer(
            "127.0.0.1",
            0,
            new JsonRpcDispatcher(Map.of("test_slow", slow), tiny, new NodeMetrics()),
            SubscriptionService.NONE,
            tiny);
    int busyPort = busy.start();
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_slow\",\"params\":[]}";
    try (RawHttp running = new RawHttp(busyPort);
        RawHttp queued = new RawHttp(busyPort);
        RawHttp refused = new RawHttp(busyPort)) {
      running.postWithoutReading(call);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      queued.postWithoutReading(call);
      Thread.sleep(200); // let the second request reach the executor's queue
      RawHttp.Response response = refused.post(call);
      assertThat(response.status()).isEqualTo(503);
      assertThat(json(response).get("error").get("code").asInt()).isEqualTo(-32005);
      release.countDown();
      assertThat(json(running.read()).get("result").asText()).isEqualTo("done");
      assertThat(json(queued.read()).get("result").asText()).isEqualTo("done");
    } finally {
      release.countDown();
      busy.stop();
    }
  }

  private void assertServes() throws Exception {
    try (RawHttp http = new RawHttp(port)) {
      assertThat(json(http.post(BLOCK_NUMBER)).get("result").asText()).startsWith("0x");
    }
  }

  private static JsonNode json(RawHttp.Response response) throws Exception {
    return RpcTestSupport.JSON.readTree(response.body());
  }
}
