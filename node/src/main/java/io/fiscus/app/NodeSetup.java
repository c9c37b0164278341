package io.fiscus.app;

import io.fiscus.block.QbftBlockHashing;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.ChainStore;
import io.fiscus.chain.CommitWatch;
import io.fiscus.consensus.driver.ConsensusDriver;
import io.fiscus.consensus.driver.ConsensusGossip;
import io.fiscus.consensus.driver.ConsensusSettings;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.genesis.GenesisBlock;
import io.fiscus.genesis.GenesisConfig;
import io.fiscus.genesis.GenesisException;
import io.fiscus.genesis.GenesisParser;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.genesis.QbftOptions;
import io.fiscus.mempool.Mempool;
import io.fiscus.mempool.MempoolConfig;
import io.fiscus.mempool.NodeAccountSender;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.network.NodeNetwork;
import io.fiscus.network.SyncSettings;
import io.fiscus.p2p.Allowlist;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.EnodeFormatException;
import io.fiscus.p2p.NodesPermissionsFile;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.p2p.netty.NettyPeerNetwork;
import io.fiscus.rpc.access.OnChainAccessLog;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of building a node that need the operator's files: genesis, key, data directory. */
final class NodeSetup {
  private static final Logger LOG = LoggerFactory.getLogger(NodeSetup.class);

  /** Inputs waiting for the consensus thread: messages and timers of a few heights. */
  private static final int CONSENSUS_EVENT_QUEUE_CAPACITY = 10_000;

  /**
   * The most transactions this node proposes in one block. Building and committing a block takes
   * about 40 µs per transfer on one core, so 5,000 keeps a block's cycle near half a second under
   * any backlog (measured: uncapped blocks grew to the gas limit and took 5 s each).
   */
  private static final int PROPOSAL_TRANSACTIONS_MAX = 5_000;

  private NodeSetup() {}

  static GenesisConfig readGenesis(Path file) {
    try {
      return GenesisParser.parse(file);
    } catch (GenesisException e) {
      throw CliException.usage("genesis file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The node key (a hex file or an encrypted keystore, readable by its owner only), or a new one
   * written to the config's key file (mode 600) when there is none yet.
   */
  static PrivateKey loadOrCreateKey(NodeConfig config) {
    Path file = config.keyFile();
    if (!Files.exists(file)) {
      PrivateKey created = PrivateKey.random(new SecureRandom());
      createDirectories(file.toAbsolutePath().getParent());
      NodeKeyFile.write(file, created);
      LOG.info("Generated a new node key in {}", file);
      return created;
    }
    return NodeKeys.read(file, config.nodePrivateKeyPasswordFile(), System::getenv);
  }

  /** Refuses a TLS key that others than its owner may read (it is made with mode 600). */
  static void checkTlsKey(Path dataPath) {
    Path tlsKey = NettyPeerNetwork.tlsKeyFile(dataPath);
    if (Files.exists(tlsKey)) {
      KeyFilePermissions.requireOwnerOnly(tlsKey, "TLS key file");
    }
  }

  /** The RocksDB directory inside the data path. */
  static Path databasePath(Path dataPath) {
    Path database = dataPath.resolve("database");
    createDirectories(database);
    return database;
  }

  /**
   * Writes block 0 into an empty store, or checks that the store was made from this genesis: a node
   * must never serve one network's chain under another network's genesis.
   */
  static void initializeOrCheckGenesis(ChainStore chain, GenesisBlock genesis, NodeConfig config) {
    if (chain.isEmpty()) {
      chain.commitGenesis(genesis.block(), genesis.state(), genesis.trie());
      LOG.info("Initialized {} with genesis {}", config.dataPath(), genesis.hash().toHex());
      return;
    }
    if (!chain.genesisHash().equals(genesis.hash())) {
      throw CliException.usage(
          "data directory "
              + config.dataPath()
              + " holds the chain of genesis "
              + chain.genesisHash().toHex()
              + ", but "
              + config.genesisFile()
              + " is genesis "
              + genesis.hash().toHex()
              + "; use another --data-path or the matching genesis file");
    }
  }

  static MempoolConfig mempoolConfig(NodeConfig config) {
    MempoolConfig defaults = MempoolConfig.defaults();
    return new MempoolConfig(
        config.txPoolMaxSize(),
        defaults.perSenderMax(),
        defaults.nonceDistanceMax(),
        defaults.bytesMax(),
        defaults.rawBytesMax(),
        defaults.dataBytesMax());
  }

  /**
   * The audit trail's recorder: looks signed with the node key, submitted to {@code pool}, final
   * when {@code commits} sees their block. Warns now if the node account cannot write records.
   */
  static OnChainAccessLog accessLog(
      NodeConfig config,
      GenesisConfig genesis,
      PrivateKey key,
      ChainReader chain,
      TransactionPool pool,
      CommitWatch commits,
      NodeMetrics metrics) {
    NodeAccountSender sender =
        new NodeAccountSender(
            key, genesis.chainId(), pool, chain::latestState, new SystemContracts());
    OnChainAccessLog accessLog =
        new OnChainAccessLog(
            sender, commits, Duration.ofMillis(config.accessLogTimeoutMillis()), metrics);
    accessLog.warnIfCannotRecord(chain.latestState());
    return accessLog;
  }

  /** The driver of this node's QBFT instance, with the genesis' consensus parameters. */
  static ConsensusDriver consensusDriver(
      GenesisConfig genesis,
      PrivateKey key,
      ChainStore chain,
      TransactionPool pool,
      BlockExecutor executor,
      KeyValueStore store,
      ConsensusGossip gossip,
      NodeMetrics metrics) {
    QbftOptions qbft = genesis.qbft();
    QbftConfig core =
        QbftConfig.of(qbft.blockPeriodMillis(), qbft.requestTimeoutMillis())
            .withEpochLength(qbft.epochLength());
    ConsensusSettings settings =
        new ConsensusSettings(
            core,
            genesis.chainId(),
            genesis.gasLimit(),
            qbft.emptyBlockPeriodMillis(),
            CONSENSUS_EVENT_QUEUE_CAPACITY,
            PROPOSAL_TRANSACTIONS_MAX);
    return new ConsensusDriver(
        settings,
        NodeKey.of(key),
        chain,
        chain,
        pool,
        executor,
        store,
        gossip,
        Secp256k1.recovery(),
        metrics,
        System::currentTimeMillis);
  }

  /**
   * The node's protocols (gossip, sync, block serving) over {@code transport}. The pool tells
   * transaction gossip what it accepts, so RPC submissions reach the validators.
   */
  static NodeNetwork nodeNetwork(PeerNetwork transport, ChainReader chain, Mempool pool) {
    NodeNetwork network =
        new NodeNetwork(transport, chain, pool, SyncSettings.defaults(), System::currentTimeMillis);
    pool.onAccepted(network.transactionGossip()::onPooled);
    return network;
  }

  /**
   * The TLS transport: every node listens for peers (so full nodes can follow even a lone
   * validator) and dials its bootnodes; peers are admitted if they are validators or listed in the
   * permissions file.
   */
  static Optional<PeerNetwork> peerNetwork(
      NodeConfig config,
      GenesisConfig genesis,
      Hash genesisHash,
      PrivateKey key,
      ChainReader chain,
      Supplier<List<Address>> currentValidators,
      NodeMetrics metrics) {
    List<Enode> bootnodes = new ArrayList<>();
    for (String url : config.bootnodes()) {
      try {
        bootnodes.add(Enode.parse(url));
      } catch (EnodeFormatException e) {
        throw CliException.usage("--bootnodes: " + e.getMessage());
      }
    }
    checkTlsKey(config.dataPath());
    Allowlist allowlist =
        new Allowlist(
            () -> Set.copyOf(currentValidators.get()),
            Optional.of(new NodesPermissionsFile(config.permissionsFile())));
    return Optional.of(
        new NettyPeerNetwork(
            P2pConfig.defaults(config.p2pHost(), config.p2pPort(), bootnodes)
                .withBan(Duration.ofSeconds(config.p2pBanSeconds())),
            key,
            genesis.chainId(),
            genesisHash,
            () -> new ChainHead(chain.headNumber(), QbftBlockHashing.blockHash(chain.headHeader())),
            allowlist,
            config.dataPath(),
            metrics));
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }
}
