package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.QbftBlock;
import java.util.List;

/**
 * Block sync outside consensus, as the eth protocol does it for Besu: nodes announce their head
 * height now and then and after each import; a node that hears of a higher head, or that the core
 * tells about a future height, asks a peer for the blocks it lacks. Imported blocks are checked for
 * a quorum of valid seals like any other.
 */
final class SimChainSync {
  private static final long STATUS_INTERVAL_MILLIS = 5_000;
  private static final long REQUEST_INTERVAL_MILLIS = 500;
  private static final int BLOCKS_PER_RESPONSE_MAX = 20;
  private final Simulation sim;

  SimChainSync(Simulation sim) {
    this.sim = sim;
  }

  void onHeadAnnounced(SimNode node, SimNode announcer, long height) {
    if (!node.crashed && height > node.height()) {
      requestSync(node, announcer);
    }
  }

  /** Like eth status messages: every node tells its peers its head height now and then. */
  void announceHeadsPeriodically(SimNode node) {
    sim.schedule(
        sim.now() + STATUS_INTERVAL_MILLIS,
        () -> {
          if (!node.crashed) {
            announceHead(node);
          }
          announceHeadsPeriodically(node);
        });
  }

  void announceHead(SimNode node) {
    long height = node.height();
    for (SimNode peer : sim.nodes()) {
      if (peer != node) {
        sim.transmit(node, peer, () -> onHeadAnnounced(peer, node, height));
      }
    }
  }

  void requestSync(SimNode node, SimNode peer) {
    if (peer == node
        || (node.syncRequestedAtMillis >= 0
            && sim.now() - node.syncRequestedAtMillis < REQUEST_INTERVAL_MILLIS)) {
      return;
    }
    node.syncRequestedAtMillis = sim.now();
    long from = node.height() + 1;
    sim.transmit(
        node,
        peer,
        () -> {
          if (peer.crashed || peer.height() < from) {
            return;
          }
          List<QbftBlock> blocks =
              List.copyOf(
                  peer.chain.subList(
                      (int) from,
                      (int) Math.min(peer.height() + 1, from + BLOCKS_PER_RESPONSE_MAX)));
          sim.transmit(
              peer, node, () -> blocks.forEach(block -> sim.importBlock(node, block, false)));
        });
  }
}
