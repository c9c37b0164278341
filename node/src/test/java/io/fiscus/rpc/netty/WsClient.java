package io.fiscus.rpc.netty;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.rpc.RpcTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client, collecting text messages and the close code. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final HttpClient client = HttpClient.newHttpClient();
  private final WebSocket socket;

  WsClient(int port) {
    socket =
        client
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), this)
            .join();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message, parsed; fails after 10 s. */
  JsonNode next() throws InterruptedException, IOException {
    String message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no WebSocket message within 10 s");
    }
    return RpcTestSupport.JSON.readTree(message);
  }

  /** A message arriving within {@code millis}, or null. */
  String poll(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The close code the server sent; fails after 10 s. */
  int closeCode() throws Exception {
    return closeCode.get(10, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  @Override
  public void close() {
    socket.abort();
    client.close();
  }
}
