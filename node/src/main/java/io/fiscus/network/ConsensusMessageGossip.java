package io.fiscus.network;

import io.fiscus.consensus.driver.ConsensusGossip;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.crypto.Keccak;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Bytes;
import java.util.function.Consumer;

/**
 * QBFT messages over the p2p layer, gossiped as Besu does: the node's own messages go to every
 * connected peer, and a message received for the first time goes to the driver and, once, to every
 * peer but the one it came from. Full nodes take part too, so validators joined only through them
 * still hear each other. A message is known by the keccak of its payload; the core itself drops
 * duplicate votes, this only stops gossip loops.
 *
 * <p>Messages are passed on before the core has checked them: a peer can make each node forward a
 * junk message once (the dedup bounds it), never a forged vote (the core checks signatures).
 */
public final class ConsensusMessageGossip implements ConsensusGossip {
  private static final int REMEMBERED_MESSAGES = 16_384;

  private final PeerNetwork network;
  private final RecentHashes seen = new RecentHashes(REMEMBERED_MESSAGES);
  private volatile Consumer<WireMessage> driver = message -> {};

  public ConsensusMessageGossip(PeerNetwork network) {
    this.network = network;
  }

  /** Where received messages go (the consensus driver); set before the network starts. */
  void deliverTo(Consumer<WireMessage> driver) {
    this.driver = driver;
  }

  @Override
  public void broadcast(WireMessage message) {
    Bytes payload = NetworkCodec.encode(new NetworkMessage.Qbft(message));
    seen.add(Keccak.hash(payload));
    network.broadcast(MessageType.QBFT, payload, peer -> true);
  }

  /** A QBFT frame from {@code from}, already decoded from {@code payload}. */
  void onReceived(PeerId from, WireMessage message, Bytes payload) {
    if (!seen.add(Keccak.hash(payload))) {
      return;
    }
    driver.accept(message);
    network.broadcast(MessageType.QBFT, payload, peer -> !peer.equals(from));
  }
}
