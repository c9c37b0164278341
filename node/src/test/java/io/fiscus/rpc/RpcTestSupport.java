package io.fiscus.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.eth.EthModule;
import io.fiscus.rpc.eth.NodeIdentity;
import io.fiscus.types.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dispatcher over the eth module, a {@link FakeChain} and a {@link FakeTransactionPool}, with a
 * settable clock and syncing flag, and helpers to call it with JSON text.
 */
public final class RpcTestSupport {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final NodeIdentity IDENTITY =
      new NodeIdentity(
          NodeIdentity.clientVersion("0.1.0"),
          TransferWorkload.CHAIN_ID,
          "enode://" + "ab".repeat(64) + "@127.0.0.1:30303",
          Address.fromHex("0x00000000000000000000000000000000000000aa"),
          30303,
          true);

  public final TransferWorkload workload = new TransferWorkload(4);
  public final FakeChain chain = new FakeChain(workload, 1_000);
  public final FakeTransactionPool pool = new FakeTransactionPool(TransferWorkload.CHAIN_ID);
  public final AtomicLong clockMillis = new AtomicLong(1_000_000);
  public final AtomicBoolean syncing = new AtomicBoolean();
  public final NodeMetrics metrics = new NodeMetrics();
  public final RpcLimits limits;
  public final EthModule eth;
  public final JsonRpcDispatcher dispatcher;

  public RpcTestSupport(RpcLimits limits) {
    this.limits = limits;
    this.eth =
        new EthModule(chain, pool, Peers.NONE, IDENTITY, syncing::get, limits, clockMillis::get);
    this.dispatcher =
        new JsonRpcDispatcher(new RpcRegistry().addAll(eth.methods()).build(), limits, metrics);
    chain.addListener(eth.subscriptions());
  }

  public RpcTestSupport() {
    this(RpcLimits.defaults());
  }

  /** Block 1: three transfers (with Transfer logs) and one that reverts; block 2: one transfer. */
  public void commitTwoBlocks() {
    chain.commit(
        List.of(
            workload.transfer(1, 2, 10, 0),
            workload.transfer(2, 3, 20, 0),
            workload.transfer(3, 1, 30, 0),
            workload.transfer(1, 2, 1_000_000, 1)));
    chain.commit(List.of(workload.transfer(2, 1, 5, 1)));
  }

  /** The whole response to {@code method(params)}, {@code params} a JSON array text. */
  public JsonNode response(String method, String params) {
    String request =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    String response = dispatcher.handle(request.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    try {
      return JSON.readTree(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a call that must succeed. */
  public JsonNode result(String method, String params) {
    JsonNode response = response(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response);
    }
    return response.get("result");
  }

  /** The error of a call that must fail. */
  public JsonNode error(String method, String params) {
    JsonNode response = response(method, params);
    if (!response.has("error")) {
      throw new AssertionError(method + " succeeded: " + response);
    }
    return response.get("error");
  }
}
