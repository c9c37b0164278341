package io.fiscus.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JSON-RPC over HTTP, for methods Web3j has no wrapper for and for malformed requests. */
public final class RawRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final Map<String, String> headers;
  private final HttpClient client = HttpClient.newHttpClient();

  public RawRpc(String url) {
    this(url, Map.of());
  }

  private RawRpc(String url, Map<String, String> headers) {
    this.url = url;
    this.headers = Map.copyOf(headers);
  }

  /** The same endpoint, every request carrying {@code Authorization: <value>}. */
  public RawRpc withAuthorization(String value) {
    return withHeader("Authorization", value);
  }

  /** The same endpoint, every request carrying {@code name: value} too. */
  public RawRpc withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RawRpc(url, more);
  }

  /** The whole response object of {@code method(params...)}. */
  public JsonNode call(String method, Object... params) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    request.put("params", List.of(params));
    try {
      return JSON.readTree(post(JSON.writeValueAsString(request)).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code result} of a call that must succeed. */
  public JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  public HttpResponse<String> post(String body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A plain GET of this URL's body (for /metrics). */
  public String get() {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
