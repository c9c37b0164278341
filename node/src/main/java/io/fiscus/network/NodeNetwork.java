package io.fiscus.network;

import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.driver.ConsensusDriver;
import io.fiscus.consensus.driver.ConsensusGossip;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Bytes;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's protocols over a {@link PeerNetwork}: decodes each frame ({@link NetworkCodec}) and
 * hands it to transaction gossip, consensus gossip, block serving or sync. A malformed payload bans
 * its sender; nothing here throws into the transport.
 *
 * <p>Wiring (the consensus driver and this layer need each other): build this, give {@link
 * #consensusGossip()} to the driver, {@link TransactionGossip#onPooled} to the pool's accepted
 * listener, then {@link #start(ConsensusDriver)} before the driver starts.
 */
public final class NodeNetwork implements PeerNetwork.Handler {
  private static final Logger log = LoggerFactory.getLogger(NodeNetwork.class);

  private final PeerNetwork network;
  private final ChainReader chain;
  private final TransactionGossip transactions;
  private final ConsensusMessageGossip consensus;
  private final BlockServer server;
  private final BlockSynchronizer sync;

  public NodeNetwork(
      PeerNetwork network,
      ChainReader chain,
      TransactionPool pool,
      SyncSettings settings,
      LongSupplier clockMillis) {
    this.network = network;
    this.chain = chain;
    this.transactions = new TransactionGossip(network, pool);
    this.consensus = new ConsensusMessageGossip(network);
    this.server = new BlockServer(network, chain, settings.responseBytesMax());
    this.sync = new BlockSynchronizer(network, chain, settings, clockMillis);
  }

  /** What the consensus driver broadcasts through. */
  public ConsensusGossip consensusGossip() {
    return consensus;
  }

  public TransactionGossip transactionGossip() {
    return transactions;
  }

  public BlockSynchronizer synchronizer() {
    return sync;
  }

  /** Connects the protocols to {@code driver} and starts them and the transport. */
  public void start(ConsensusDriver driver) {
    consensus.deliverTo(driver::onMessage);
    driver.onSyncTarget(sync::onSyncTarget);
    chain.addListener(sync);
    network.setHandler(this);
    transactions.start();
    server.start();
    sync.start(driver);
    network.start();
  }

  public void stop() {
    network.stop();
    sync.stop();
    server.stop();
    transactions.stop();
  }

  @Override
  public void onMessage(PeerId from, MessageType type, Bytes payload) {
    try {
      switch (NetworkCodec.decode(type, payload)) {
        case NetworkDecoding.Malformed malformed ->
            network.ban(from, BanReason.MALFORMED_MESSAGE, malformed.detail());
        case NetworkDecoding.Decoded decoded -> dispatch(from, decoded.message(), payload);
      }
    } catch (RuntimeException e) {
      // A bug in a protocol, not the peer's fault: keep the transport's thread alive.
      log.error("handling {} from {} failed", type, from, e);
    }
  }

  private void dispatch(PeerId from, NetworkMessage message, Bytes payload) {
    switch (message) {
      case NetworkMessage.Status status -> sync.onPeerHead(from, status.number());
      case NetworkMessage.NewBlock newBlock -> sync.onPeerHead(from, newBlock.number());
      case NetworkMessage.Transactions received -> transactions.onReceived(from, received.raw());
      case NetworkMessage.Qbft qbft -> consensus.onReceived(from, qbft.message(), payload);
      case NetworkMessage.GetBlocks request -> server.onRequest(from, request);
      case NetworkMessage.Blocks answer -> sync.onBlocks(from, answer);
    }
  }

  @Override
  public void onConnected(PeerId peer, long headNumber) {
    sync.onConnected(peer, headNumber);
  }

  @Override
  public void onDisconnected(PeerId peer) {
    sync.onDisconnected(peer);
  }
}
