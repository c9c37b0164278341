package io.fiscus.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.auth.RpcAccess;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each call of a request asks the admission once; a refused call is answered and not run. */
class JsonRpcDispatcherAdmissionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger executed = new AtomicInteger();
  private final NodeMetrics metrics = new NodeMetrics();
  private final JsonRpcDispatcher dispatcher =
      new JsonRpcDispatcher(
          Map.of("test_count", params -> executed.incrementAndGet()),
          RpcLimits.defaults(),
          metrics);

  /** Admits the first {@code allowed} calls it is asked about, then refuses. */
  private static CallAdmission first(int allowed) {
    AtomicInteger asked = new AtomicInteger();
    return () -> asked.incrementAndGet() <= allowed ? Optional.empty() : Optional.of("slow down");
  }

  private JsonNode handle(String body, CallAdmission admission) throws Exception {
    Optional<String> response =
        dispatcher.handle(
            body.getBytes(StandardCharsets.UTF_8), Map.of(), RpcAccess.ANONYMOUS, admission);
    return response.isPresent() ? JSON.readTree(response.get()) : null;
  }

  private static String call(int id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test_count\"}";
  }

  @Test
  void everyCallOfABatchCountsAndTheCallsBeyondTheLimitAreRefusedWithTheirIds() throws Exception {
    JsonNode answers = handle("[" + call(1) + "," + call(2) + "," + call(3) + "]", first(2));
    assertThat(answers).hasSize(3);
    assertThat(answers.get(0).get("result").asInt()).isEqualTo(1);
    assertThat(answers.get(1).get("result").asInt()).isEqualTo(2);
    JsonNode refused = answers.get(2);
    assertThat(refused.get("id").asInt()).isEqualTo(3);
    assertThat(refused.get("error").get("code").asInt())
        .isEqualTo(JsonRpcDispatcher.LIMIT_EXCEEDED);
    assertThat(refused.get("error").get("message").asText()).isEqualTo("Limit exceeded");
    assertThat(refused.get("error").get("data").asText()).isEqualTo("slow down");
    assertThat(executed).hasValue(2);
    assertThat(metrics.rpcRequests.labelValues("unknown", "-32005").get()).isEqualTo(1);
  }

  @Test
  void aRefusedCallChangesNothingAndARefusedNotificationIsNotAnswered() throws Exception {
    CallAdmission none = first(0);
    assertThat(handle(call(9), none).get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}", none)).isNull();
    assertThat(executed).hasValue(0);
  }

  @Test
  void anUnparsableBodyCountsToo() throws Exception {
    CallAdmission one = first(1);
    assertThat(handle("{not json", one).get("error").get("code").asInt()).isEqualTo(-32700);
    JsonNode refused = handle("{not json", one);
    assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(refused.get("id").isNull()).isTrue();
  }

  @Test
  void withoutAnAdmissionEveryCallIsServed() throws Exception {
    dispatcher.handle(call(1).getBytes(StandardCharsets.UTF_8));
    assertThat(executed).hasValue(1);
  }
}
