package io.fiscus.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.limits.ClientLimits;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.RateLimit;
import io.fiscus.types.Address;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters and subscriptions are capped per owner (a caller, or an IP without a token). */
class ClientQuotasTest {
  private static final LimitKey ALICE =
      new LimitKey.Caller(Address.fromHex("0x00000000000000000000000000000000000000a1"));
  private static final LimitKey HOST = new LimitKey.Ip(InetAddress.getLoopbackAddress());
  private static final long IDLE_MILLIS = 60_000;

  private final RpcTestSupport rpc =
      new RpcTestSupport(RpcLimits.defaults().withLogsAndFilters(100, 100, 100, IDLE_MILLIS));
  private final EthModule eth =
      new EthModule(
          rpc.chain.chainStore(),
          rpc.pool,
          Peers.NONE,
          RpcTestSupport.IDENTITY,
          rpc.syncing::get,
          rpc.limits,
          rpc.clockMillis::get,
          new ClientLimits(RateLimit.off(), RateLimit.off(), 2, 2, 100),
          rpc.metrics);

  private static Object call(Map<String, RpcMethod> methods, String name, String params) {
    try {
      return methods.get(name).call(new RpcParams(RpcTestSupport.JSON.readTree(params)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RpcException refusal(Map<String, RpcMethod> methods, String name, String params) {
    return catchThrowableOfType(RpcException.class, () -> call(methods, name, params));
  }

  private String newBlockFilter(LimitKey owner) {
    return (String) call(eth.ownedMethods(owner), "eth_newBlockFilter", "[]");
  }

  @Test
  void anOwnerMayHoldItsCapOfFiltersAndOthersAreNotAffected() {
    call(eth.ownedMethods(ALICE), "eth_newFilter", "[{}]");
    String second = newBlockFilter(ALICE);
    RpcException refused = refusal(eth.ownedMethods(ALICE), "eth_newBlockFilter", "[]");
    assertThat(refused.code()).isEqualTo(JsonRpcDispatcher.LIMIT_EXCEEDED);
    assertThat(refused.data().orElseThrow().toString()).contains("at most 2 filters");
    newBlockFilter(HOST);
    assertThat(rpc.metrics.rpcFilters.get()).isEqualTo(3);
    assertThat(call(eth.methods(), "eth_uninstallFilter", "[\"" + second + "\"]")).isEqualTo(true);
    newBlockFilter(ALICE);
    assertThat(rpc.metrics.rpcLimited.labelValues("filters").get()).isEqualTo(1);
  }

  @Test
  void anIdleFilterExpiresAndGivesItsOwnerRoomAgain() {
    String first = newBlockFilter(ALICE);
    newBlockFilter(ALICE);
    rpc.clockMillis.addAndGet(IDLE_MILLIS + 1);
    newBlockFilter(ALICE);
    assertThat(eth.filters().size()).isEqualTo(1);
    RpcException gone = refusal(eth.methods(), "eth_getFilterChanges", "[\"" + first + "\"]");
    assertThat(gone.code()).isEqualTo(EthFilters.FILTER_NOT_FOUND);
    assertThat(rpc.metrics.rpcFilters.get()).isEqualTo(1);
  }

  /** A connection that takes every notification. */
  private static final class Sink implements SubscriptionSink {
    @Override
    public boolean push(String notification) {
      return true;
    }

    @Override
    public void close() {}
  }

  @Test
  void anOwnersSubscriptionsAreCappedAcrossItsConnections() {
    EthSubscriptions subscriptions = eth.subscriptions();
    Sink first = new Sink();
    Sink second = new Sink();
    call(subscriptions.connectionMethods(first, ALICE), "eth_subscribe", "[\"newHeads\"]");
    call(subscriptions.connectionMethods(second, ALICE), "eth_subscribe", "[\"newHeads\"]");
    RpcException refused =
        refusal(subscriptions.connectionMethods(second, ALICE), "eth_subscribe", "[\"newHeads\"]");
    assertThat(refused.code()).isEqualTo(JsonRpcDispatcher.LIMIT_EXCEEDED);
    call(subscriptions.connectionMethods(new Sink(), HOST), "eth_subscribe", "[\"newHeads\"]");
    assertThat(rpc.metrics.rpcSubscriptions.get()).isEqualTo(3);
    subscriptions.connectionClosed(first);
    call(subscriptions.connectionMethods(second, ALICE), "eth_subscribe", "[\"newHeads\"]");
    assertThat(subscriptions.size()).isEqualTo(3);
    assertThat(rpc.metrics.rpcSubscriptions.get()).isEqualTo(3);
  }
}
