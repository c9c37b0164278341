package io.fiscus.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.fiscus.chain.ChainStore;
import io.fiscus.chain.CommitWatch;
import io.fiscus.consensus.driver.ConsensusDriver;
import io.fiscus.consensus.driver.ConsensusGossip;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.genesis.GenesisBlock;
import io.fiscus.genesis.GenesisConfig;
import io.fiscus.index.ChainIndexer;
import io.fiscus.index.StoredLedgerIndex;
import io.fiscus.mempool.Mempool;
import io.fiscus.metrics.MetricsServer;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.network.NodeNetwork;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.rpc.access.AccessLog;
import io.fiscus.rpc.access.OnChainAccessLog;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.rocksdb.RocksDbKeyValueStore;
import io.fiscus.types.Address;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every component from a {@link NodeConfig}, starts them in dependency
 * order, and stops them in reverse. The only place that knows all the pieces.
 */
public final class FiscusNode implements AutoCloseable {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FiscusNode.class);

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile OnChainAccessLog accessLog;

  private FiscusNode() {}

  /** Builds and starts a node; a problem the operator can fix is a {@link CliException}. */
  public static FiscusNode start(NodeConfig config) {
    return start(config, NodeSetup::peerNetwork);
  }

  /** Builds and starts a node whose p2p transport {@code peerNetworks} makes (if any). */
  static FiscusNode start(NodeConfig config, PeerNetworkFactory peerNetworks) {
    setLogLevel(config.logging());
    FiscusNode node = new FiscusNode();
    try {
      node.wire(config, peerNetworks);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void wire(NodeConfig config, PeerNetworkFactory peerNetworks) {
    GenesisConfig genesis = NodeSetup.readGenesis(config.genesisFile());
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    PrivateKey key = NodeSetup.loadOrCreateKey(config);
    KeyValueStore store = RocksDbKeyValueStore.open(NodeSetup.databasePath(config.dataPath()));
    toClose.push(store);
    NodeMetrics metrics = new NodeMetrics();
    ChainStore chain = ChainStore.open(store, new ChainIndexer());
    NodeSetup.initializeOrCheckGenesis(chain, genesisBlock, config);
    // The gauge moves at each committed block; after a restart it starts at the stored head.
    metrics.chainHeight.set((double) chain.headNumber());
    BlockExecutor executor = new BlockExecutor(new SystemContracts());
    Mempool pool =
        new Mempool(
            NodeSetup.mempoolConfig(config),
            genesis.chainId(),
            genesis.gasLimit(),
            chain::latestState,
            executor,
            metrics);
    chain.addListener(pool);
    // After the pool: a look whose record is final finds the pool already past its nonce.
    CommitWatch commits = new CommitWatch();
    chain.addListener(commits);
    accessLog = NodeSetup.accessLog(config, genesis, key, chain, pool, commits, metrics);
    // The transport's allowlist needs the current validators, which the driver (built after the
    // network, whose gossip it uses) knows: it is looked up when asked.
    AtomicReference<ConsensusDriver> consensus = new AtomicReference<>();
    Supplier<List<Address>> validators =
        () ->
            Optional.ofNullable(consensus.get()).map(ConsensusDriver::validators).orElse(List.of());
    Optional<PeerNetwork> transport =
        peerNetworks.create(config, genesis, genesisBlock.hash(), key, chain, validators, metrics);
    Optional<NodeNetwork> network =
        transport.map(peers -> NodeSetup.nodeNetwork(peers, chain, pool));
    ConsensusGossip gossip =
        network.map(NodeNetwork::consensusGossip).orElse(ConsensusGossip.none());
    ConsensusDriver driver =
        NodeSetup.consensusDriver(genesis, key, chain, pool, executor, store, gossip, metrics);
    consensus.set(driver);
    StoredLedgerIndex index = new StoredLedgerIndex(store, chain::latestState);
    RpcEndpoints rpc =
        RpcEndpoints.create(
            config, genesis, key, chain, pool, driver, index, transport, accessLog, metrics);
    MetricsServer metricsServer =
        new MetricsServer(metrics, config.metricsHost(), config.metricsPort());

    metricsServer.start();
    toClose.push(metricsServer);
    rpc.start();
    toClose.push(rpc);
    if (network.isPresent()) {
      // Before the driver: its first broadcasts and synced blocks need the protocols running.
      network.get().start(driver);
      toClose.push(network.get()::stop);
    }
    driver.start();
    toClose.push(driver::stop);
    LOG.info(
        "Fiscus node started: chain {} genesis {} head #{} node address {}, JSON-RPC http://{}:{}/,"
            + " metrics http://{}:{}/metrics",
        genesis.chainId(),
        genesisBlock.hash().toHex(),
        chain.headNumber(),
        Secp256k1.address(key),
        config.rpcHttpHost(),
        rpc.httpPort(),
        config.metricsHost(),
        metricsServer.port());
  }

  /** The audit trail's recorder this node's RPC uses (for in-process tests). */
  AccessLog accessLog() {
    return accessLog;
  }

  /** Blocks until {@link #close()} has run. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /** Stops consensus first (nothing half-signed), then the servers, then the database. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!toClose.isEmpty()) {
      try {
        toClose.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
    LOG.info("Fiscus node stopped");
    terminated.countDown();
  }

  private static void setLogLevel(String level) {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.toLevel(level, Level.INFO));
  }
}
