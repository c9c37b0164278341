package io.fiscus.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.chain.ChainStore;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.index.StoredLedgerIndex;
import io.fiscus.mempool.Mempool;
import io.fiscus.mempool.MempoolConfig;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.cbdc.CbdcMethods;
import io.fiscus.rpc.eth.EthModule;
import io.fiscus.rpc.qbft.QbftMethods;
import io.fiscus.rpc.state.StateMethods;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.testchain.TestChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer fuzz tests of the JSON-RPC request parser and of every method's parameter parsing: the
 * node's whole method registry (eth, state, cbdc, qbft), as {@code RpcEndpoints} assembles it, over
 * the {@link LedgerScenario} chain with its real index and a real mempool. Whatever the body, the
 * answer must be one valid JSON-RPC response or batch of responses, or nothing for notifications;
 * and never -32603 Internal error, which the dispatcher reserves for bugs. Seeds live in {@code
 * JsonRpcFuzzTestInputs/}.
 */
class JsonRpcFuzzTest {
  private static final ObjectMapper JSON = JsonRpcDispatcher.newMapper();
  private static final LedgerScenario LEDGER = new LedgerScenario();
  private static final JsonRpcDispatcher DISPATCHER = dispatcher();
  private static final List<String> METHODS =
      DISPATCHER.methods().keySet().stream().sorted().toList();

  @FuzzTest
  @DictionaryEntries({
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"",
    "\"params\":[",
    "\"latest\"",
    "\"pending\"",
    "\"0x\"",
    "eth_getBalance",
    "eth_call",
    "eth_getLogs",
    "cbdc_getAccount",
    "qbft_getValidatorsByBlockNumber"
  })
  void anyBodyIsAnsweredWithValidJsonRpcOrNothingForNotifications(byte[] body) {
    Optional<String> answer = DISPATCHER.handle(body);

    if (answer.isEmpty()) {
      assertThat(onlyNotifications(body)).as(text(body)).isTrue();
      return;
    }
    JsonNode response = parse(answer.get());
    if (response.isArray()) {
      assertThat(response).as(answer.get()).isNotEmpty();
      response.forEach(one -> assertValidResponse(one, body));
    } else {
      assertValidResponse(response, body);
    }
  }

  /**
   * An input is {@code method name, newline, params text}: a name that is not a method picks one by
   * its hash, so mutated names still reach some method's parameter parsing.
   */
  @FuzzTest
  @DictionaryEntries({
    "\"0x\"",
    "\"0x-",
    "\"latest\"",
    "\"earliest\"",
    "\"pending\"",
    "null",
    "true",
    "\"from\":",
    "\"to\":",
    "\"data\":",
    "\"input\":",
    "\"gas\":",
    "\"fromBlock\":",
    "\"toBlock\":",
    "\"blockHash\":",
    "\"address\":",
    "\"topics\":",
    "\"cursor\":",
    "\"limit\":",
    "\"seller\":",
    "\"buyer\":",
    "\"sellerTaxId\":",
    "\"buyerTaxId\":",
    "\"status\":",
    "\"fromDate\":",
    "\"toDate\":",
    "\"submitter\":",
    "\"kind\":",
    "\"key\":"
  })
  void anyParamsOfAnyMethodAreAnsweredWithAResultOrATypedError(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String name = new String(input, 0, Math.max(newline, 0), StandardCharsets.UTF_8);
    String method =
        METHODS.contains(name) ? name : METHODS.get(Math.floorMod(name.hashCode(), METHODS.size()));
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":")
            .getBytes(StandardCharsets.UTF_8));
    request.writeBytes(Arrays.copyOfRange(input, newline + 1, input.length));
    request.write('}');
    byte[] body = request.toByteArray();

    String answer = DISPATCHER.handle(body).orElseThrow();

    JsonNode response = parse(answer);
    assertValidResponse(response, body);
    // Params that are not JSON make the whole body a parse error, answered with a null id.
    if (response.path("error").path("code").asInt() != RpcException.PARSE_ERROR) {
      assertThat(response.get("id").asInt()).as(answer).isEqualTo(1);
    }
  }

  private static JsonRpcDispatcher dispatcher() {
    ChainStore chain = LEDGER.chain.chainStore();
    NodeMetrics metrics = new NodeMetrics();
    RpcLimits limits = RpcLimits.defaults();
    Mempool pool =
        new Mempool(
            MempoolConfig.defaults(),
            LedgerScenario.CHAIN_ID,
            TestChain.GAS_LIMIT,
            chain::latestState,
            new BlockExecutor(new SystemContracts()),
            metrics);
    FakeConsensusControl consensus = new FakeConsensusControl();
    EthModule eth =
        new EthModule(
            chain, pool, Peers.NONE, RpcTestSupport.IDENTITY, () -> false, limits, () -> 1_000_000);
    return new JsonRpcDispatcher(
        new RpcRegistry()
            .addAll(eth.methods())
            .addAll(StateMethods.create(chain, new SystemContracts(), TestChain.GAS_LIMIT))
            .addAll(
                CbdcMethods.create(
                    chain,
                    new StoredLedgerIndex(LEDGER.store, chain::latestState),
                    pool,
                    consensus,
                    Peers.NONE,
                    LedgerScenario.CHAIN_ID))
            .addAll(QbftMethods.create(chain, consensus))
            .build(),
        limits,
        metrics);
  }

  private static void assertValidResponse(JsonNode response, byte[] request) {
    String what = response + " answering " + text(request);
    assertThat(response.isObject()).as(what).isTrue();
    assertThat(response.path("jsonrpc").asText()).as(what).isEqualTo("2.0");
    JsonNode id = response.get("id");
    assertThat(id).as(what).isNotNull();
    assertThat(id.isTextual() || id.isNumber() || id.isNull()).as(what).isTrue();
    assertThat(response.has("result")).as(what).isNotEqualTo(response.has("error"));
    assertThat(response.size()).as(what).isEqualTo(3);
    if (response.has("error")) {
      JsonNode error = response.get("error");
      assertThat(error.path("code").isInt()).as(what).isTrue();
      assertThat(error.path("message").isTextual()).as(what).isTrue();
      assertThat(error.get("code").asInt()).as(what).isNotEqualTo(RpcException.INTERNAL_ERROR);
    }
  }

  /** True when {@code body} is one notification or a batch of them: requests without an id. */
  private static boolean onlyNotifications(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return false;
    }
    if (root == null || root.isObject()) {
      return root != null && !root.has("id");
    }
    if (!root.isArray() || root.isEmpty()) {
      return false;
    }
    for (JsonNode request : root) {
      if (!request.isObject() || request.has("id")) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode parse(String answer) {
    try {
      return JSON.readTree(answer);
    } catch (IOException e) {
      throw new AssertionError("the answer is not JSON: " + answer, e);
    }
  }

  private static int indexOf(byte[] input, byte wanted) {
    for (int i = 0; i < input.length; i++) {
      if (input[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
