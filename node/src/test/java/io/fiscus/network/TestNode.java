package io.fiscus.network;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainStore;
import io.fiscus.consensus.driver.ChainBlock;
import io.fiscus.consensus.driver.ConsensusDriver;
import io.fiscus.consensus.driver.ConsensusSettings;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.index.ChainIndexer;
import io.fiscus.mempool.Mempool;
import io.fiscus.mempool.MempoolConfig;
import io.fiscus.mempool.Submission;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.PeerId;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.OptionalLong;

/**
 * One in-process node as the composition root builds it, over memory storage and a fake network:
 * real chain store, mempool, consensus driver (short timers) and network layer.
 */
final class TestNode {
  static final long BLOCK_PERIOD_MILLIS = 100;
  static final long ROUND_TIMEOUT_MILLIS = 1_000;
  static final long EMPTY_BLOCK_PERIOD_MILLIS = 400;

  private final PeerId peerId;
  private final Address address;
  private final NodeMetrics metrics = new NodeMetrics();
  private final ChainStore chain;
  private final Mempool pool;
  private final FakePeerNetwork peers;
  private final NodeNetwork network;
  private final ConsensusDriver driver;

  TestNode(TestNetwork net, PrivateKey key, PeerId peerId) {
    this.peerId = peerId;
    this.address = NodeKey.of(key).address();
    this.chain = ChainStore.open(new MemoryKeyValueStore(), new ChainIndexer());
    net.commitGenesis(this);
    BlockExecutor executor = new BlockExecutor(new SystemContracts());
    this.pool =
        new Mempool(
            MempoolConfig.defaults(),
            TransferWorkload.CHAIN_ID,
            TestNetwork.GAS_LIMIT,
            chain::latestState,
            executor,
            metrics);
    chain.addListener(pool);
    this.peers = net.hub.join(peerId, chain::headNumber);
    this.network =
        new NodeNetwork(
            peers, chain, pool, new SyncSettings(8, 4, 2_000, 1 << 20), System::currentTimeMillis);
    pool.onAccepted(network.transactionGossip()::onPooled);
    this.driver =
        new ConsensusDriver(
            new ConsensusSettings(
                QbftConfig.of(BLOCK_PERIOD_MILLIS, ROUND_TIMEOUT_MILLIS),
                TransferWorkload.CHAIN_ID,
                TestNetwork.GAS_LIMIT,
                OptionalLong.of(EMPTY_BLOCK_PERIOD_MILLIS),
                4_096),
            NodeKey.of(key),
            chain,
            chain,
            pool,
            executor,
            new MemoryKeyValueStore(),
            network.consensusGossip(),
            Secp256k1.recovery(),
            metrics,
            System::currentTimeMillis);
  }

  void start() {
    network.start(driver);
    driver.start();
  }

  void stop() {
    driver.stop();
    network.stop();
  }

  PeerId peerId() {
    return peerId;
  }

  Address address() {
    return address;
  }

  ChainStore chain() {
    return chain;
  }

  ConsensusDriver driver() {
    return driver;
  }

  NodeNetwork network() {
    return network;
  }

  long head() {
    return chain.headNumber();
  }

  Hash hashAt(long number) {
    return ChainBlock.ofHeader(chain.header(number).orElseThrow()).hash();
  }

  /** Submits as RPC would. */
  void submit(List<SignedTransaction> transactions) {
    for (SignedTransaction transaction : transactions) {
      Submission submission = pool.submit(transaction.raw());
      if (!(submission instanceof Submission.Accepted)) {
        throw new AssertionError("refused: " + submission);
      }
    }
  }

  boolean hasCommitted(List<SignedTransaction> transactions) {
    return transactions.stream().allMatch(tx -> chain.transactionLocation(tx.hash()).isPresent());
  }

  /** The proposer (coinbase) of block {@code number}. */
  Address proposerOf(long number) {
    return chain.header(number).orElseThrow().coinbase();
  }

  /** The validators block {@code number}'s header lists (those of its height). */
  List<Address> validatorsAt(long number) {
    BlockHeader header = chain.header(number).orElseThrow();
    return QbftExtraDataCodec.decode(header.extraData()).validators();
  }

  @Override
  public String toString() {
    return "node " + peerId + " at " + head();
  }
}
