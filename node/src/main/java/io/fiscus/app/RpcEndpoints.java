package io.fiscus.app;

import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.driver.ConsensusControl;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.EnodeUrl;
import io.fiscus.genesis.GenesisConfig;
import io.fiscus.index.LedgerIndex;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcRegistry;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.access.AccessLog;
import io.fiscus.rpc.access.GuardedMethods;
import io.fiscus.rpc.access.VisibleSubscriptions;
import io.fiscus.rpc.auth.BearerTokens;
import io.fiscus.rpc.auth.RpcAuthentication;
import io.fiscus.rpc.cbdc.CbdcMethods;
import io.fiscus.rpc.eth.EthModule;
import io.fiscus.rpc.eth.NodeIdentity;
import io.fiscus.rpc.limits.RequestRateLimiter;
import io.fiscus.rpc.netty.JsonRpcServer;
import io.fiscus.rpc.qbft.QbftMethods;
import io.fiscus.rpc.state.StateMethods;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's JSON-RPC: every method family in one registry, served over HTTP and WebSocket on the
 * HTTP port, and on a second port when {@code --rpc-ws-port} names one.
 */
final class RpcEndpoints implements AutoCloseable {
  private final EthModule eth;
  private final JsonRpcServer http;
  private final Optional<JsonRpcServer> separateWebSocket;

  private RpcEndpoints(
      EthModule eth, JsonRpcServer http, Optional<JsonRpcServer> separateWebSocket) {
    this.eth = eth;
    this.http = http;
    this.separateWebSocket = separateWebSocket;
  }

  /**
   * Builds the servers (not started yet).
   *
   * @param accessLog records an authority's look on chain before the answer is returned; the
   *     visibility rules take it (issue 8)
   */
  static RpcEndpoints create(
      NodeConfig config,
      GenesisConfig genesis,
      PrivateKey key,
      ChainReader chain,
      TransactionPool pool,
      ConsensusControl consensus,
      LedgerIndex index,
      Optional<? extends Peers> transport,
      AccessLog accessLog,
      NodeMetrics metrics) {
    Peers peers = transport.isPresent() ? transport.get() : Peers.NONE;
    RpcLimits limits =
        RpcLimits.defaults()
            .withRequestBytesMax(config.rpcHttpMaxRequestBytes())
            .withBatchSizeMax(config.rpcMaxBatchSize());
    NodeIdentity identity =
        new NodeIdentity(
            NodeIdentity.clientVersion(FiscusVersion.version()),
            genesis.chainId(),
            EnodeUrl.of(Secp256k1.signer().publicKey(key), config.p2pHost(), config.p2pPort()),
            Secp256k1.address(key),
            config.p2pPort(),
            transport.isPresent());
    EthModule eth =
        new EthModule(
            chain,
            pool,
            peers,
            identity,
            consensus::syncing,
            limits,
            System::currentTimeMillis,
            config.rpcClientLimits(),
            metrics);
    Map<String, RpcMethod> methods =
        new RpcRegistry()
            .addAll(eth.methods())
            .addAll(StateMethods.create(chain, new SystemContracts(), genesis.gasLimit()))
            .addAll(CbdcMethods.create(chain, index, pool, consensus, peers, genesis.chainId()))
            .addAll(QbftMethods.create(chain, consensus))
            .build();
    RpcAuthentication authentication = authentication(config, genesis);
    // Who may see what (ADR 0020) applies to authenticated callers only; dev chains see all.
    GuardedMethods visibility =
        new GuardedMethods(chain, accessLog, () -> System.currentTimeMillis() / 1_000);
    Map<String, RpcMethod> served = authentication.enabled() ? visibility.guard(methods) : methods;
    SubscriptionService subscriptions =
        authentication.enabled()
            ? new VisibleSubscriptions(eth.subscriptions(), visibility)
            : eth.subscriptions();
    JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(served, limits, metrics, authentication);
    chain.addListener(eth.subscriptions());
    // One limiter for both ports: a client's calls count once whichever port they arrive on.
    RequestRateLimiter rateLimiter =
        new RequestRateLimiter(config.rpcClientLimits(), metrics, System::nanoTime);
    JsonRpcServer http =
        new JsonRpcServer(
            config.rpcHttpHost(),
            config.rpcHttpPort(),
            dispatcher,
            subscriptions,
            limits,
            rateLimiter,
            eth::ownedMethods);
    Optional<JsonRpcServer> webSocket =
        config
            .rpcWsPort()
            .filter(port -> port != config.rpcHttpPort())
            .map(
                port ->
                    new JsonRpcServer(
                        config.rpcHttpHost(),
                        port,
                        dispatcher,
                        subscriptions,
                        limits,
                        rateLimiter,
                        eth::ownedMethods));
    return new RpcEndpoints(eth, http, webSocket);
  }

  private static RpcAuthentication authentication(NodeConfig config, GenesisConfig genesis) {
    if (!config.rpcAuthenticationEnabled()) {
      return RpcAuthentication.disabled();
    }
    return RpcAuthentication.required(
        new BearerTokens(genesis.chainId(), System::currentTimeMillis, Secp256k1.recovery()),
        Set.copyOf(config.rpcMethodsNoAuth()),
        System::currentTimeMillis);
  }

  void start() {
    eth.subscriptions().start();
    http.start();
    separateWebSocket.ifPresent(JsonRpcServer::start);
  }

  int httpPort() {
    return http.port();
  }

  @Override
  public void close() {
    separateWebSocket.ifPresent(JsonRpcServer::stop);
    http.stop();
    eth.subscriptions().stop();
  }
}
