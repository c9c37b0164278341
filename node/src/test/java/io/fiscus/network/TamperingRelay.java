package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Bytes;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A byzantine peer for process tests: it relays an honest {@code upstream} node's head
 * announcements to everyone else, forwards their GET_BLOCKS to it, and passes the answers on with
 * every block's commit seals replaced by seals of keys that are no validator's. Whoever syncs from
 * it gets a well-formed chain that fails the seal check.
 */
public final class TamperingRelay implements PeerNetwork.Handler {
  private final PeerNetwork network;
  private final PeerId upstream;
  private final List<PrivateKey> forgers;
  private final Map<Long, PeerId> askedBy = new ConcurrentHashMap<>();
  private final AtomicInteger tamperedBlocksServed = new AtomicInteger();
  private volatile Bytes lastStatus;

  public TamperingRelay(PeerNetwork network, PeerId upstream, int quorum) {
    this.network = network;
    this.upstream = upstream;
    SecureRandom random = new SecureRandom();
    this.forgers = IntStream.range(0, quorum).mapToObj(i -> PrivateKey.random(random)).toList();
  }

  /** How many forged blocks it has served so far. */
  public int tamperedBlocksServed() {
    return tamperedBlocksServed.get();
  }

  @Override
  public void onMessage(PeerId from, MessageType type, Bytes payload) {
    if (from.equals(upstream)) {
      fromUpstream(type, payload);
    } else if (type == MessageType.GET_BLOCKS
        && NetworkCodec.decode(type, payload) instanceof NetworkDecoding.Decoded decoded
        && decoded.message() instanceof NetworkMessage.GetBlocks request) {
      askedBy.put(request.requestId(), from);
      network.send(upstream, type, payload);
    }
  }

  private void fromUpstream(MessageType type, Bytes payload) {
    switch (type) {
      case STATUS, NEW_BLOCK -> {
        if (type == MessageType.STATUS) {
          lastStatus = payload;
        }
        network.broadcast(type, payload, peer -> !peer.equals(upstream));
      }
      case BLOCKS -> {
        if (NetworkCodec.decode(type, payload) instanceof NetworkDecoding.Decoded decoded
            && decoded.message() instanceof NetworkMessage.Blocks answer) {
          PeerId requester = askedBy.remove(answer.requestId());
          if (requester != null) {
            List<Block> forged =
                answer.blocks().stream()
                    .map(block -> ByzantineBlockServer.resealedBy(block, forgers))
                    .toList();
            tamperedBlocksServed.addAndGet(forged.size());
            network.send(
                requester,
                MessageType.BLOCKS,
                NetworkCodec.encode(new NetworkMessage.Blocks(answer.requestId(), forged)));
          }
        }
      }
      default -> {
        // consensus messages and transactions are not relayed
      }
    }
  }

  @Override
  public void onConnected(PeerId peer, long headNumber) {
    Bytes status = lastStatus;
    if (!peer.equals(upstream) && status != null) {
      network.send(peer, MessageType.STATUS, status);
    }
  }

  @Override
  public void onDisconnected(PeerId peer) {}
}
