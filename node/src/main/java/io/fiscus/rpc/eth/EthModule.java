package io.fiscus.rpc.eth;

import io.fiscus.chain.ChainReader;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcRegistry;
import io.fiscus.rpc.limits.ClientLimits;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.OwnerQuota;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The standard namespaces ({@code eth_}, {@code net_}, {@code web3_}, {@code txpool_}, {@code
 * admin_}) wired over the node's read ports, plus the WebSocket subscriptions. {@code eth_call},
 * {@code eth_estimateGas} and {@code eth_getProof} are not here: they execute, and come with the
 * CBDC module.
 *
 * <p>The integrator registers {@link #subscriptions()} as a chain listener, passes it to the
 * server, and starts/stops it with the node.
 */
public final class EthModule {
  private final ChainQueries queries;
  private final LogSearch logSearch;
  private final EthFilters filters;
  private final EthSubscriptions subscriptions;
  private final Map<String, RpcMethod> methods;

  /** Without per-client caps on filters and subscriptions (the server-wide bounds still hold). */
  public EthModule(
      ChainReader chain,
      TransactionPool pool,
      Peers peers,
      NodeIdentity identity,
      BooleanSupplier syncing,
      RpcLimits limits,
      LongSupplier clockMillis) {
    this(
        chain,
        pool,
        peers,
        identity,
        syncing,
        limits,
        clockMillis,
        ClientLimits.unlimited(),
        new NodeMetrics());
  }

  /**
   * @param syncing {@code ConsensusControl::syncing}
   * @param clockMillis wall-clock millis for filter expiry ({@code System::currentTimeMillis})
   * @param clientLimits the caps on filters and subscriptions per caller (or IP)
   * @param metrics where filters and subscriptions in use, and refusals, are counted
   */
  public EthModule(
      ChainReader chain,
      TransactionPool pool,
      Peers peers,
      NodeIdentity identity,
      BooleanSupplier syncing,
      RpcLimits limits,
      LongSupplier clockMillis,
      ClientLimits clientLimits,
      NodeMetrics metrics) {
    this.queries = new ChainQueries(chain);
    this.logSearch = new LogSearch(queries, limits);
    this.filters =
        new EthFilters(
            queries, logSearch, limits, clockMillis, OwnerQuota.filters(clientLimits, metrics));
    this.subscriptions =
        new EthSubscriptions(limits, OwnerQuota.subscriptions(clientLimits, metrics));
    this.methods =
        new RpcRegistry()
            .addAll(new NodeMethods(identity, chain, pool, peers).methods())
            .addAll(new EthBlockMethods(queries, pool, identity.chainId(), syncing).methods())
            .addAll(new EthAccountMethods(queries, pool).methods())
            .addAll(filters.methods())
            .add("eth_getLogs", params -> logSearch.logs(LogFilter.parse(params.required(0))))
            .methodsWithoutModules();
  }

  /**
   * Every method of these namespaces by name (without {@code rpc_modules}: the registry adds it).
   */
  public Map<String, RpcMethod> methods() {
    return methods;
  }

  /** The {@code eth_subscribe} service: a chain listener and the server's subscription port. */
  public EthSubscriptions subscriptions() {
    return subscriptions;
  }

  public EthFilters filters() {
    return filters;
  }

  /** The methods whose effects belong to {@code owner}, tried before {@link #methods()}. */
  public Map<String, RpcMethod> ownedMethods(LimitKey owner) {
    return filters.installMethods(owner);
  }
}
