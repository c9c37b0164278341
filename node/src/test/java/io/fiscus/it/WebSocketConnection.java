package io.fiscus.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JSON-RPC WebSocket to a node process (the JDK's client), opened with the upgrade headers a test
 * gives (a bearer token, a reason), collecting every text message.
 */
public final class WebSocketConnection implements WebSocket.Listener, AutoCloseable {
  private static final long WAIT_SECONDS = 30;

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private WebSocket socket;

  private WebSocketConnection() {}

  /** Connects to {@code url} with {@code headers} on the upgrade request. */
  public static WebSocketConnection open(String url, Map<String, String> headers) {
    WebSocketConnection connection = new WebSocketConnection();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    connection.socket = builder.buildAsync(URI.create(url), connection).join();
    return connection;
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message (an answer or a notification), parsed; fails after 30 s. */
  public JsonNode next() throws InterruptedException {
    String message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no WebSocket message within " + WAIT_SECONDS + " s");
    }
    return RawRpc.parse(message);
  }

  /** Sends a call with one string parameter and returns its answer, skipping notifications. */
  public JsonNode call(String method, String parameter) throws InterruptedException {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":[\""
            + parameter
            + "\"]}");
    while (true) {
      JsonNode message = next();
      if (message.has("id")) {
        return message;
      }
    }
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

  /** The close code the node sent; fails after 30 s. */
  public int closeCode() throws Exception {
    return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
