package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** A node started with {@code --rpc-authentication-enabled}: who may call what, over HTTP. */
class RpcAuthenticationIT {
  private static final int UNAUTHORIZED = -40100;

  @TempDir static Path dir;
  static TestNetwork network;
  static NodeProcess node;
  static RawRpc anonymous;
  static Credentials merchant;

  @BeforeAll
  static void startNode() {
    network = TestNetwork.generate(dir, 1, 250);
    node = network.node(1, "--rpc-authentication-enabled");
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    anonymous = new RawRpc(node.rpcUrl());
    merchant = network.account("merchant");
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  private static long now() {
    return System.currentTimeMillis() / 1_000;
  }

  private static void assertUnauthorized(JsonNode response, String reason) {
    assertThat(response.path("error").path("code").asInt())
        .as(response.toString())
        .isEqualTo(UNAUTHORIZED);
    assertThat(response.path("error").path("message").asText()).isEqualTo("Unauthorized");
    assertThat(response.path("error").path("data").asText()).contains(reason);
  }

  @Test
  void harmlessMethodsNeedNoToken() {
    assertThat(anonymous.result("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(anonymous.result("web3_clientVersion").asText()).startsWith("fiscus/");
  }

  @Test
  void anyOtherMethodWithoutATokenIsUnauthorized() {
    assertUnauthorized(anonymous.call("cbdc_getAccount", merchant.getAddress()), "Bearer");
  }

  @Test
  void aValidTokenIsServed() {
    RawRpc signedIn = anonymous.withAuthorization(BearerToken.header(merchant, network.chainId));

    JsonNode account = signedIn.result("cbdc_getAccount", merchant.getAddress());

    assertThat(account.path("registered").asBoolean()).isTrue();
  }

  @Test
  void expiredFutureDatedWrongChainAndForgedTokensAreRefusedWithTheirReason() {
    long now = now();
    assertUnauthorized(
        withToken(BearerToken.header(merchant, network.chainId, now - 900, now - 300, null)),
        "expired");
    assertUnauthorized(
        withToken(BearerToken.header(merchant, network.chainId, now + 900, now + 1_200, null)),
        "future");
    assertUnauthorized(
        withToken(BearerToken.header(merchant, network.chainId + 1, now, now + 60, null)),
        "chainId");
    String genuine = BearerToken.header(merchant, network.chainId);
    String forged = genuine.substring(0, genuine.length() - 4) + "AAAA";
    assertUnauthorized(withToken(forged), "signed");
    assertUnauthorized(withToken("Basic bWU6cGFzcw=="), "Bearer");
  }

  @Test
  void aWebSocketEndsWhenItsTokenExpiresSoSubscriptionsStopWithIt() throws Exception {
    long now = now();
    String shortLived = BearerToken.header(merchant, network.chainId, now, now + 3, null);
    try (WebSocketConnection socket =
        WebSocketConnection.open(node.wsUrl(), Map.of("Authorization", shortLived))) {
      assertThat(socket.call("eth_subscribe", "newHeads").has("result")).isTrue();

      // 1008: policy violation, the token's lifetime is over.
      assertThat(socket.closeCode()).isEqualTo(1008);
    }
  }

  @Test
  void aRefusedTokenDoesNotStopTheNode() {
    withToken("Bearer not.a.jwt");

    assertThat(anonymous.result("eth_blockNumber").asText()).startsWith("0x");
  }

  private static JsonNode withToken(String header) {
    return anonymous.withAuthorization(header).call("cbdc_getAccount", merchant.getAddress());
  }
}
