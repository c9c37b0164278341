package io.fiscus.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.fiscus.chain.ChainStore;
import io.fiscus.consensus.driver.ConsensusDriver;
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
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.rocksdb.RocksDbKeyValueStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
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

  private FiscusNode() {}

  /** Builds and starts a node; a problem the operator can fix is a {@link CliException}. */
  public static FiscusNode start(NodeConfig config) {
    setLogLevel(config.logging());
    FiscusNode node = new FiscusNode();
    try {
      node.wire(config);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void wire(NodeConfig config) {
    GenesisConfig genesis = NodeSetup.readGenesis(config.genesisFile());
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    PrivateKey key = NodeSetup.loadOrCreateKey(config.keyFile());
    KeyValueStore store = RocksDbKeyValueStore.open(NodeSetup.databasePath(config.dataPath()));
    toClose.push(store);
    NodeMetrics metrics = new NodeMetrics();
    ChainStore chain = ChainStore.open(store, new ChainIndexer());
    NodeSetup.initializeOrCheckGenesis(chain, genesisBlock, config);
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
    ConsensusDriver driver =
        NodeSetup.consensusDriver(genesis, key, chain, pool, executor, store, metrics);
    StoredLedgerIndex index = new StoredLedgerIndex(store, chain::latestState);
    RpcEndpoints rpc =
        RpcEndpoints.create(config, genesis, key, chain, pool, driver, index, metrics);
    MetricsServer metricsServer =
        new MetricsServer(metrics, config.metricsHost(), config.metricsPort());

    metricsServer.start();
    toClose.push(metricsServer);
    rpc.start();
    toClose.push(rpc);
    driver.start();
    toClose.push(driver::stop);
    LOG.info(
        "Fiscus node started: chain {} genesis {} head #{} key {} ({}), JSON-RPC http://{}:{}/,"
            + " metrics http://{}:{}/metrics",
        genesis.chainId(),
        genesisBlock.hash().toHex(),
        chain.headNumber(),
        Secp256k1.address(key),
        driver.isValidator() ? "validator" : "not a validator",
        config.rpcHttpHost(),
        rpc.httpPort(),
        config.metricsHost(),
        metricsServer.port());
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
