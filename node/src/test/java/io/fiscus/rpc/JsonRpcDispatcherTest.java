package io.fiscus.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.auth.RpcAccess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonRpcDispatcherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Pair(String name, long value) {}

  private final AtomicInteger notified = new AtomicInteger();
  private final NodeMetrics metrics = new NodeMetrics();
  private final Map<String, RpcMethod> methods =
      Map.of(
          "test_echo", params -> params.string(0),
          "test_record", params -> new Pair("a", 7),
          "test_null", params -> null,
          "test_notify", params -> notified.incrementAndGet(),
          "test_refuse",
              params -> {
                throw new RpcException(-32000, "Known transaction", Optional.of("0xabc"));
              },
          "test_bug",
              params -> {
                throw new IllegalStateException("secret detail");
              });
  private final JsonRpcDispatcher dispatcher =
      new JsonRpcDispatcher(methods, RpcLimits.defaults().withBatchSizeMax(3), metrics);

  @Test
  void aCallReturnsItsResultWithTheSameId() {
    JsonNode response =
        call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_echo\",\"params\":[\"hi\"]}");
    assertThat(response.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(response.get("id").asInt()).isEqualTo(7);
    assertThat(response.get("result").asText()).isEqualTo("hi");
    assertThat(response.has("error")).isFalse();
  }

  @Test
  void stringIdsAndNullIdsAreEchoed() {
    assertThat(
            call("{\"jsonrpc\":\"2.0\",\"id\":\"x-1\",\"method\":\"test_null\"}")
                .get("id")
                .asText())
        .isEqualTo("x-1");
    JsonNode nullId = call("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test_null\"}");
    assertThat(nullId.get("id").isNull()).isTrue();
    assertThat(nullId.has("result")).isTrue();
    assertThat(nullId.get("result").isNull()).isTrue();
  }

  @Test
  void recordsAreSerializedAsObjects() {
    JsonNode result =
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_record\"}").get("result");
    assertThat(result.get("name").asText()).isEqualTo("a");
    assertThat(result.get("value").asLong()).isEqualTo(7);
  }

  @Test
  void garbageIsAParseErrorWithANullId() {
    for (String garbage :
        List.of("{", "not json", "", "{\"jsonrpc\":\"2.0\"} trailing", "\u0000")) {
      JsonNode response = call(garbage);
      assertError(response, -32700, "Parse error");
      assertThat(response.get("id").isNull()).isTrue();
    }
  }

  @Test
  void aRequestThatIsNotAnObjectIsInvalid() {
    for (String request : List.of("42", "\"text\"", "null", "true")) {
      assertError(call(request), -32600, "Invalid Request");
    }
  }

  @Test
  void aMissingOrWrongVersionIsInvalid() {
    assertError(call("{\"id\":1,\"method\":\"test_null\"}"), -32600, "Invalid Request");
    JsonNode wrong = call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_null\"}");
    assertError(wrong, -32600, "Invalid Request");
    assertThat(wrong.get("id").asInt()).isEqualTo(1);
    assertError(
        call("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"test_null\"}"), -32600, "Invalid Request");
  }

  @Test
  void aMethodThatIsNotAStringIsInvalid() {
    assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"), -32600, "Invalid Request");
    assertError(call("{\"jsonrpc\":\"2.0\",\"id\":1}"), -32600, "Invalid Request");
  }

  @Test
  void anObjectOrArrayIdIsInvalidAndAnsweredWithANullId() {
    for (String id : List.of("{}", "[1]", "true")) {
      JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test_null\"}");
      assertError(response, -32600, "Invalid Request");
      assertThat(response.get("id").isNull()).isTrue();
    }
  }

  @Test
  void anUnknownMethodIsNotFound() {
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_mine\"}"), -32601, "Method not found");
  }

  @Test
  void paramsThatAreNotAnArrayAreInvalidParams() {
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":{\"a\":1}}"),
        -32602,
        "Invalid params");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[5]}"),
        -32602,
        "Invalid params");
  }

  @Test
  void aRefusalCarriesItsCodeMessageAndData() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_refuse\"}");
    assertError(response, -32000, "Known transaction");
    assertThat(response.get("error").get("data").asText()).isEqualTo("0xabc");
  }

  @Test
  void aBugIsAnInternalErrorWithoutDetail() {
    JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_bug\"}");
    assertError(response, -32603, "Internal error");
    assertThat(response.toString()).doesNotContain("secret");
  }

  @Test
  void aNotificationIsExecutedButNotAnswered() {
    Optional<String> response =
        dispatcher.handle(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"}"));
    assertThat(response).isEmpty();
    assertThat(notified).hasValue(1);
    assertThat(dispatcher.handle(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}"))).isEmpty();
  }

  @Test
  void aBatchIsAnsweredInOrderWithoutItsNotifications() throws Exception {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"a\"]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"missing\"}]";
    JsonNode responses = call(batch);
    assertThat(responses.isArray()).isTrue();
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).get("result").asText()).isEqualTo("a");
    assertThat(responses.get(1).get("id").asText()).isEqualTo("b");
    assertError(responses.get(1), -32601, "Method not found");
    assertThat(notified).hasValue(1);
  }

  @Test
  void aBatchOfOnlyNotificationsIsNotAnswered() {
    assertThat(
            dispatcher.handle(
                bytes(
                    "[{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"}]")))
        .isEmpty();
    assertThat(notified).hasValue(2);
  }

  @Test
  void invalidEntriesOfABatchAreAnsweredOneByOne() {
    JsonNode responses = call("[1, {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_null\"}]");
    assertThat(responses).hasSize(2);
    assertError(responses.get(0), -32600, "Invalid Request");
    assertThat(responses.get(1).has("result")).isTrue();
  }

  @Test
  void anEmptyBatchIsOneInvalidRequest() {
    JsonNode response = call("[]");
    assertThat(response.isObject()).isTrue();
    assertError(response, -32600, "Invalid Request");
  }

  @Test
  void anOversizeBatchIsOneInvalidRequestWithAReasonAndRunsNothing() {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_notify\"}";
    JsonNode response = call("[" + String.join(",", call, call, call, call) + "]");
    assertThat(response.isObject()).isTrue();
    assertError(response, -32600, "Invalid Request");
    assertThat(response.get("error").get("data").asText()).contains("4 calls").contains("3");
    assertThat(notified).hasValue(0);
  }

  @Test
  void connectionMethodsComeBeforeSharedOnes() {
    Optional<String> response =
        dispatcher.handle(
            bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"x\"]}"),
            Map.of("test_echo", params -> "connection"),
            RpcAccess.ANONYMOUS);
    assertThat(response).hasValueSatisfying(text -> assertThat(text).contains("\"connection\""));
  }

  @Test
  void metricsLabelUnknownMethodsAsUnknown() {
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"a\"]}");
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"attacker_chosen_name\"}");
    call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_refuse\"}");
    assertThat(metrics.rpcRequests.labelValues("test_echo", "0").get()).isEqualTo(1.0);
    assertThat(metrics.rpcRequests.labelValues("unknown", "-32601").get()).isEqualTo(1.0);
    assertThat(metrics.rpcRequests.labelValues("test_refuse", "-32000").get()).isEqualTo(1.0);
    assertThat(metrics.rpcRequests.labelValues("attacker_chosen_name", "-32601").get()).isZero();
  }

  private JsonNode call(String body) {
    String response = dispatcher.handle(bytes(body)).orElseThrow();
    try {
      return JSON.readTree(response);
    } catch (Exception e) {
      throw new AssertionError("response is not JSON: " + response, e);
    }
  }

  private static void assertError(JsonNode response, int code, String message) {
    assertThat(response.has("result")).as(response.toString()).isFalse();
    assertThat(response.get("error").get("code").asInt()).as(response.toString()).isEqualTo(code);
    assertThat(response.get("error").get("message").asText()).isEqualTo(message);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
