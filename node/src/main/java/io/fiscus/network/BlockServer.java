package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.block.BlockCodec;
import io.fiscus.chain.ChainReader;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Answers GET_BLOCKS from the committed chain, on its own thread (reading up to {@link
 * NetworkCodec#BLOCKS_MAX} blocks is too slow for a network thread). A response stops at the
 * chain's head or before it would pass {@code responseBytesMax} (it always carries at least one
 * block it has); the requester asks again for the rest. Requests beyond the backlog are dropped:
 * the requester times out and asks another peer.
 */
final class BlockServer {
  private static final int BACKLOG_MAX = 64;

  private final PeerNetwork network;
  private final ChainReader chain;
  private final long responseBytesMax;
  private ExecutorService worker;

  BlockServer(PeerNetwork network, ChainReader chain, long responseBytesMax) {
    this.network = network;
    this.chain = chain;
    this.responseBytesMax = responseBytesMax;
  }

  synchronized void start() {
    worker = Threads.boundedWorker("block-server", BACKLOG_MAX);
  }

  synchronized void stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  void onRequest(PeerId from, NetworkMessage.GetBlocks request) {
    ExecutorService current = worker;
    if (current != null) {
      Threads.offer(current, () -> serve(from, request));
    }
  }

  private void serve(PeerId from, NetworkMessage.GetBlocks request) {
    List<Block> blocks = new ArrayList<>();
    long bytes = 0;
    for (long number = request.fromNumber();
        number < request.fromNumber() + request.count();
        number++) {
      Optional<Block> block = chain.block(number);
      if (block.isEmpty()) {
        break;
      }
      long size = BlockCodec.encode(block.get()).size();
      if (!blocks.isEmpty() && bytes + size > responseBytesMax) {
        break;
      }
      blocks.add(block.get());
      bytes += size;
    }
    network.send(
        from,
        MessageType.BLOCKS,
        NetworkCodec.encode(new NetworkMessage.Blocks(request.requestId(), blocks)));
  }
}
