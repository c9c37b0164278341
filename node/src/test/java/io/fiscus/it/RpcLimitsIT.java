package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A node with low client limits (ADR 0022): a caller that floods is refused -32005 while another
 * caller on the same host is served and blocks keep coming; filters and subscriptions are capped
 * per caller; an anonymous flood is limited by IP. Every client shares 127.0.0.1, so the IP bucket
 * is large and the IP flood runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RpcLimitsIT {
  private static final int LIMIT_EXCEEDED = -32005;
  private static final int BATCH = 100;

  @TempDir static Path dir;
  static TestNetwork network;
  static NodeProcess node;
  static RawRpc anonymous;

  @BeforeAll
  static void startNode() {
    network = TestNetwork.generate(dir, 1, 250);
    node =
        network.node(
            1,
            "--rpc-authentication-enabled",
            "--rpc-rate-limit-per-caller=2",
            "--rpc-rate-limit-per-caller-burst=20",
            "--rpc-rate-limit-per-ip=1",
            "--rpc-rate-limit-per-ip-burst=1000",
            "--rpc-max-filters-per-caller=2",
            "--rpc-max-subscriptions-per-caller=2");
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    anonymous = new RawRpc(node.rpcUrl());
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  private static RawRpc signedIn(String account) {
    return anonymous.withAuthorization(bearer(network.account(account)));
  }

  private static String bearer(Credentials account) {
    return BearerToken.header(account, network.chainId);
  }

  private static String batchOf(int calls, String method) {
    List<String> requests = new ArrayList<>();
    for (int id = 1; id <= calls; id++) {
      requests.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}");
    }
    return "[" + String.join(",", requests) + "]";
  }

  /** The answers of a batch refused with -32005, after checking every other one succeeded. */
  private static List<JsonNode> limited(JsonNode answers) {
    List<JsonNode> refused = new ArrayList<>();
    for (JsonNode answer : answers) {
      if (answer.has("error")) {
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(answer.path("error").path("message").asText()).isEqualTo("Limit exceeded");
        refused.add(answer);
      } else {
        assertThat(answer.path("result").asText()).startsWith("0x");
      }
    }
    return refused;
  }

  private static double metric(String name) {
    Matcher value =
        Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+]+)$")
            .matcher(new RawRpc(node.metricsUrl()).get());
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  @Test
  @Order(1)
  void aCallerGetsTwoFiltersAndTheThirdIsRefused() {
    RawRpc auditor = signedIn("auditor");
    assertThat(auditor.result("eth_newBlockFilter").asText()).startsWith("0x");
    assertThat(auditor.result("eth_newBlockFilter").asText()).startsWith("0x");

    JsonNode third = auditor.call("eth_newBlockFilter");

    assertThat(third.path("error").path("code").asInt()).isEqualTo(LIMIT_EXCEEDED);
    assertThat(third.path("error").path("data").asText()).contains("at most 2 filters");
    assertThat(signedIn("tax-authority").result("eth_newBlockFilter").asText()).startsWith("0x");
    assertThat(metric("fiscus_rpc_filters")).isEqualTo(3);
  }

  @Test
  @Order(2)
  void aCallerGetsTwoSubscriptionsAcrossItsConnectionsAndTheThirdIsRefused() throws Exception {
    Credentials merchant = network.account("merchant");
    try (WebSocketConnection first = socket(bearer(merchant));
        WebSocketConnection second = socket(bearer(merchant))) {
      assertThat(first.call("eth_subscribe", "newHeads").has("result")).isTrue();
      assertThat(second.call("eth_subscribe", "newHeads").has("result")).isTrue();

      JsonNode third = second.call("eth_subscribe", "newHeads");

      assertThat(third.path("error").path("code").asInt()).isEqualTo(LIMIT_EXCEEDED);
      assertThat(third.path("error").path("data").asText()).contains("at most 2 subscriptions");
    }
  }

  @Test
  @Order(3)
  void aFloodingCallerIsRefusedWhileAnotherCallerIsServedAndBlocksKeepComing() {
    RawRpc flooder = signedIn("bank-a");
    String flooderAddress = network.account("bank-a").getAddress();

    List<JsonNode> refused =
        limited(RawRpc.parse(flooder.post(batchOf(BATCH, "eth_blockNumber")).body()));

    assertThat(refused).hasSizeGreaterThanOrEqualTo(BATCH - 20 - 10);
    assertThat(refused.get(0).path("error").path("data").asText())
        .contains("caller " + flooderAddress);
    assertThat(signedIn("bank-b").result("eth_blockNumber").asText()).startsWith("0x");
    // Blocks still come: bank-b's payment is included. (Its receipt polls, faster than bank-b's
    // rate, are refused now and then; the wallet polls again.)
    HttpService authorized = new HttpService(node.rpcUrl());
    authorized.addHeader("Authorization", bearer(network.account("bank-b")));
    Web3j web3j = Web3j.build(authorized);
    try {
      Wallet bankB = new Wallet(web3j, network.chainId, network.account("bank-b"));
      assertThat(bankB.execute(LedgerCalls.transfer(flooderAddress, 1)).getBlockNumber())
          .isPositive();
    } finally {
      web3j.shutdown();
    }
    assertThat(metric("fiscus_rpc_limited_total{scope=\"caller\"}")).isPositive();
  }

  @Test
  @Order(4)
  void anAnonymousFloodIsLimitedByItsIpAddress() {
    List<JsonNode> refused =
        limited(RawRpc.parse(anonymous.post(batchOf(1024, "eth_chainId")).body()));

    assertThat(refused).isNotEmpty();
    assertThat(refused.get(0).path("error").path("data").asText()).contains("IP address 127.0.0.1");
    assertThat(metric("fiscus_rpc_limited_total{scope=\"ip\"}")).isPositive();
  }

  private static WebSocketConnection socket(String authorization) {
    return WebSocketConnection.open(node.wsUrl(), Map.of("Authorization", authorization));
  }
}
