package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A small JSON-RPC 2.0 client over HTTP/1.1 keep-alive. The JDK client opens at most one connection
 * per request in flight and reuses idle ones, so the number of threads calling it bounds its
 * connections.
 */
public final class JsonRpcClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final URI endpoint;

  public JsonRpcClient(URI endpoint) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A JSON-RPC error answer. */
  public static final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public RpcError(int code, String message) {
      super(code + " " + message);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  public ObjectMapper json() {
    return json;
  }

  /** Calls {@code method}; returns its result or throws {@link RpcError}. */
  public JsonNode call(String method, Object... params) {
    JsonNode answer = post(requestBody(request(1, method, params)));
    return resultOf(answer);
  }

  /** One request object of a batch. */
  public ObjectNode request(long id, String method, Object... params) {
    ObjectNode request = json.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode list = request.putArray("params");
    for (Object param : params) {
      list.addPOJO(param);
    }
    return request;
  }

  /** Sends a batch and returns the answers in request order (the server may reorder them). */
  public List<JsonNode> batch(List<ObjectNode> requests) {
    ArrayNode body = json.createArrayNode().addAll(requests);
    JsonNode answers = post(requestBody(body));
    if (!answers.isArray() || answers.size() != requests.size()) {
      throw new IllegalStateException("a batch of " + requests.size() + " got: " + answers);
    }
    JsonNode[] ordered = new JsonNode[requests.size()];
    for (JsonNode answer : answers) {
      long id = answer.path("id").asLong(-1);
      int index = indexOfId(requests, id);
      ordered[index] = answer;
    }
    return List.of(ordered);
  }

  /** The result of one answer object, or its error as {@link RpcError}. */
  public static JsonNode resultOf(JsonNode answer) {
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      throw new RpcError(error.path("code").asInt(), error.path("message").asText());
    }
    return answer.path("result");
  }

  /** Posts a ready body; returns the parsed answer. */
  public JsonNode post(byte[] body) {
    try {
      return json.readTree(postRaw(body));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("unreadable JSON-RPC answer", unreadable);
    }
  }

  /** Posts a ready body; returns the raw answer (the load path parses it itself). */
  public byte[] postRaw(byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "HTTP "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (IOException failed) {
      throw new UncheckedIOException("JSON-RPC request to " + endpoint + " failed", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }

  private byte[] requestBody(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  private static int indexOfId(List<ObjectNode> requests, long id) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).path("id").asLong() == id) {
        return i;
      }
    }
    throw new IllegalStateException("answer with an unknown id " + id);
  }
}
