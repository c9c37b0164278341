package io.fiscus.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fiscus.client.Fiscus;
import io.fiscus.client.Keys;
import io.fiscus.rpc.auth.AuthenticationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** The interceptor on a real HTTP exchange: a loopback server records what arrives. */
class BearerTokenInterceptorTest {
  private static final long CHAIN_ID = 1337;
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body =
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void everyRequestCarriesTheCurrentTokenAndARenewedOneWithoutReconnecting()
      throws IOException, AuthenticationException {
    Credentials bank = Keys.generate();
    SettableClock clock = new SettableClock(START);
    BearerTokenSource tokens =
        new BearerTokenSource(
            new BearerTokenSigner(bank, CHAIN_ID), Duration.ofMinutes(5), Optional.empty(), clock);
    Fiscus fiscus = Fiscus.build(AuthenticatedHttp.service(url, tokens));
    try {
      fiscus.ethBlockNumber().send();
      fiscus.ethBlockNumber().send();
      clock.advance(Duration.ofMinutes(4));
      fiscus.ethBlockNumber().send();
    } finally {
      fiscus.shutdown();
    }

    assertThat(authorizations).hasSize(3);
    assertThat(authorizations.get(1)).isEqualTo(authorizations.get(0));
    assertThat(authorizations.get(2)).isNotEqualTo(authorizations.get(0));
    assertThat(NodeTokenCheck.verify(authorizations.get(0), CHAIN_ID, START).address().toHex())
        .isEqualToIgnoringCase(bank.getAddress());
    assertThat(
            NodeTokenCheck.verify(
                    authorizations.get(2), CHAIN_ID, START.plus(Duration.ofMinutes(6)))
                .address()
                .toHex())
        .isEqualToIgnoringCase(bank.getAddress());
  }
}
