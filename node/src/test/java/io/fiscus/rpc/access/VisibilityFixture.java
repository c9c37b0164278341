package io.fiscus.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.index.StoredLedgerIndex;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.RpcRegistry;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.cbdc.CbdcMethods;
import io.fiscus.rpc.eth.EthModule;
import io.fiscus.rpc.state.StateMethods;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.testchain.TestChain;
import io.fiscus.types.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's real methods over the {@link LedgerScenario} chain and its real index, behind the
 * visibility rules, with an access log that keeps the looks it is given (the on-chain recorder is
 * not under test here).
 */
final class VisibilityFixture {
  static final long NOW_SECONDS = 1_700_000_000L;

  final LedgerScenario ledger = new LedgerScenario();
  final List<Look> looks = new CopyOnWriteArrayList<>();
  final GuardedMethods rules;
  final Map<String, RpcMethod> methods;

  VisibilityFixture() {
    var chain = ledger.chain.chainStore();
    EthModule eth =
        new EthModule(
            chain,
            new FakeTransactionPool(),
            Peers.NONE,
            RpcTestSupport.IDENTITY,
            () -> false,
            RpcLimits.defaults(),
            System::currentTimeMillis);
    Map<String, RpcMethod> all =
        new RpcRegistry()
            .addAll(eth.methods())
            .addAll(StateMethods.create(chain, new SystemContracts(), TestChain.GAS_LIMIT))
            .addAll(
                CbdcMethods.create(
                    chain,
                    new StoredLedgerIndex(ledger.store, chain::latestState),
                    new FakeTransactionPool(),
                    new FakeConsensusControl(),
                    Peers.NONE,
                    LedgerScenario.CHAIN_ID))
            .build();
    rules = new GuardedMethods(chain, looks::add, () -> NOW_SECONDS);
    methods = rules.guard(all);
  }

  /** Calls {@code method} as {@code caller}, giving {@code reason} for looks that need one. */
  JsonNode call(Address caller, Optional<String> reason, String method, String params) {
    RpcAccess access = new RpcAccess.Authenticated(new Caller(caller, Long.MAX_VALUE, reason));
    Object result = methods.get(method).call(new RpcParams(Params.parse(params), access));
    return Params.parse(Params.write(result));
  }
}
