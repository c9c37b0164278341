package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftCore;
import io.fiscus.consensus.qbft.VoteTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One simulated validator: a real core, its durable records and its chain. */
final class SimNode {
  final int index;
  final NodeKey key;
  final Optional<Byzantine> byzantine;
  final List<DurableRecord> durable = new ArrayList<>();
  final List<QbftBlock> chain = new ArrayList<>();
  final List<VoteTally> tallies = new ArrayList<>();
  QbftCore core;
  boolean crashed;
  int incarnation;
  long syncRequestedAtMillis = -1;

  SimNode(int index, NodeKey key, Optional<Byzantine> byzantine) {
    this.index = index;
    this.key = key;
    this.byzantine = byzantine;
  }

  boolean honest() {
    return byzantine.isEmpty();
  }

  QbftBlock head() {
    return chain.get(chain.size() - 1);
  }

  long height() {
    return head().height();
  }

  /** The tally after the head: its validators decide the next height. */
  VoteTally tally() {
    return tallies.get(tallies.size() - 1);
  }

  @Override
  public String toString() {
    return "node" + index + (honest() ? "" : "(" + byzantine.get().strategy() + ")");
  }
}
