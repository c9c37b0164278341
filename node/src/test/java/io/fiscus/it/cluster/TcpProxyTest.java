package io.fiscus.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  private ServerSocket echoServer;
  private TcpProxy proxy;

  @BeforeEach
  void startEchoBehindProxy() throws IOException {
    echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!echoServer.isClosed()) {
                try {
                  Socket client = echoServer.accept();
                  Thread.ofVirtual().start(() -> echo(client));
                } catch (IOException closed) {
                  return;
                }
              }
            });
    proxy = new TcpProxy("test", echoServer.getLocalPort());
    proxy.start();
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echoServer.close();
  }

  @Test
  void openProxyRelaysBothWays() throws IOException {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "hello")).isEqualTo("hello");
    }
  }

  @Test
  void stalledProxyHoldsBytesAndDeliversThemInOrderWhenOpened() throws IOException {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "a")).isEqualTo("a");
      proxy.stall();
      client.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
      client.setSoTimeout(500);
      assertThatThrownBy(() -> client.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      proxy.open();
      client.setSoTimeout(5_000);
      assertThat(new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII))
          .isEqualTo("held");
    }
  }

  @Test
  void cutProxyClosesConnectionsAndRefusesNewOnesUntilOpened() throws IOException {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "x")).isEqualTo("x");
      proxy.cut();
      client.setSoTimeout(5_000);
      assertThat(client.getInputStream().read()).as("end of stream after a cut").isEqualTo(-1);
    }
    try (Socket refused = connect()) {
      refused.setSoTimeout(5_000);
      assertThat(refused.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(proxy.connectionsRefused()).isPositive();
    proxy.open();
    try (Socket again = connect()) {
      assertThat(roundTrip(again, "back")).isEqualTo("back");
    }
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
  }

  private static String roundTrip(Socket client, String text) throws IOException {
    client.setSoTimeout(5_000);
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    client.getOutputStream().write(bytes);
    return new String(client.getInputStream().readNBytes(bytes.length), StandardCharsets.US_ASCII);
  }

  private static void echo(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ended) {
      // the test closed it
    }
  }
}
