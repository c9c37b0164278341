package io.fiscus.client.finality;

import io.fiscus.chain.ChainReader;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcRegistry;
import io.fiscus.rpc.cbdc.CbdcMethods;
import io.fiscus.rpc.eth.EthModule;
import io.fiscus.rpc.eth.NodeIdentity;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeLedgerIndex;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.types.Address;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.Service;

/**
 * The node's own JSON-RPC code ({@code eth_*} and {@code cbdc_*} over its dispatcher) serving a
 * chain in memory to a Web3j client in the same process: the verifier talks to real node answers
 * without a process. Counts the calls of each method, to show what the verifier fetches.
 */
final class InProcessNode extends Service {
  private static final long CHAIN_ID = 1337;

  private final JsonRpcDispatcher dispatcher;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  InProcessNode(ChainReader chain) {
    super(false);
    NodeIdentity identity =
        new NodeIdentity(
            NodeIdentity.clientVersion("0.1.0"),
            CHAIN_ID,
            "enode://" + "ab".repeat(64) + "@127.0.0.1:30303",
            Address.fromHex("0x00000000000000000000000000000000000000aa"),
            30303,
            false);
    FakeTransactionPool pool = new FakeTransactionPool();
    EthModule eth =
        new EthModule(
            chain,
            pool,
            Peers.NONE,
            identity,
            () -> false,
            RpcLimits.defaults(),
            System::currentTimeMillis);
    Map<String, RpcMethod> methods = new HashMap<>(eth.methods());
    methods.putAll(
        CbdcMethods.create(
            chain, new FakeLedgerIndex(), pool, new FakeConsensusControl(), Peers.NONE, CHAIN_ID));
    Map<String, RpcMethod> counted = new HashMap<>();
    methods.forEach(
        (name, method) ->
            counted.put(
                name,
                params -> {
                  calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
                  return method.call(params);
                }));
    this.dispatcher =
        new JsonRpcDispatcher(
            new RpcRegistry().addAll(counted).build(), RpcLimits.defaults(), new NodeMetrics());
  }

  /** How often {@code method} was called. */
  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  @Override
  protected InputStream performIO(String payload) {
    String response = dispatcher.handle(payload.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    return new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {}
}
