package io.fiscus.client.demo;

import io.fiscus.client.rpc.NodeStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The one-line live status of a running devnet: the head, finalized transactions per second over
 * the last ten seconds, and each validator's peer count (or how far behind it is, or that it is
 * down). On a terminal the line is rewritten every second; elsewhere a line is printed every 30
 * seconds.
 */
final class LiveStatus {
  private static final Duration REFRESH = Duration.ofSeconds(1);
  private static final Duration PLAIN_OUTPUT_EVERY = Duration.ofSeconds(30);
  private static final long RATE_WINDOW_NANOS = Duration.ofSeconds(10).toNanos();
  private static final int MAX_BLOCKS_READ_PER_REFRESH = 100;

  private final DevnetNodes nodes;
  private final Console console;
  private final Deque<long[]> recentTransactions = new ArrayDeque<>(); // {nanoTime, count}
  private final long startedNanos = System.nanoTime();
  private long countedHeight = -1;

  LiveStatus(DevnetNodes nodes, Console console) {
    this.nodes = nodes;
    this.console = console;
  }

  /** Refreshes the status until {@code stopping} says so. */
  void run(BooleanSupplier stopping) {
    long lastPrinted = 0;
    while (!stopping.getAsBoolean()) {
      String line = line();
      long now = System.nanoTime();
      if (stopping.getAsBoolean()) {
        return;
      }
      if (console.isTerminal() || now - lastPrinted >= PLAIN_OUTPUT_EVERY.toNanos()) {
        console.status(line);
        lastPrinted = now;
      }
      DevnetNodes.sleep(REFRESH);
    }
  }

  String line() {
    long head = nodes.highestHeight();
    countTransactionsUpTo(head);
    StringBuilder peers = new StringBuilder();
    for (ValidatorNode node : nodes.validators) {
      peers.append(peers.isEmpty() ? "" : "  ").append('v').append(node.index).append(' ');
      peers.append(nodeState(node, head));
    }
    return String.format(
        Locale.ROOT,
        "%s block %d · %.1f tx/s · peers %s · %s",
        console.good("●"),
        head,
        transactionsPerSecond(),
        peers,
        console.dim("Ctrl-C stops"));
  }

  private String nodeState(ValidatorNode node, long head) {
    if (!node.isAlive()) {
      return console.bad("down");
    }
    NodeStatus status;
    try {
      status = node.rpc().cbdcNodeStatus().send().getNodeStatus();
    } catch (IOException | RuntimeException e) {
      return console.dim("…");
    }
    long behind = head - status.height();
    String peers = Long.toString(status.peers());
    if (status.syncing()) {
      return peers + console.dim(" (syncing, -" + behind + ")");
    }
    return behind > 1 ? peers + console.dim(" (-" + behind + ")") : peers;
  }

  private void countTransactionsUpTo(long head) {
    long now = System.nanoTime();
    if (countedHeight < 0) {
      countedHeight = head; // count from when the status starts
    }
    long from = Math.max(countedHeight + 1, head - MAX_BLOCKS_READ_PER_REFRESH + 1);
    ValidatorNode source = highestLiveNode();
    for (long h = from; h <= head && source != null; h++) {
      try {
        BigInteger count =
            source
                .rpc()
                .ethGetBlockTransactionCountByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(h)))
                .send()
                .getTransactionCount();
        recentTransactions.addLast(new long[] {now, count.longValueExact()});
        countedHeight = h;
      } catch (IOException | RuntimeException e) {
        break; // counted next time
      }
    }
    while (!recentTransactions.isEmpty()
        && now - recentTransactions.peekFirst()[0] > RATE_WINDOW_NANOS) {
      recentTransactions.removeFirst();
    }
  }

  private double transactionsPerSecond() {
    long total = 0;
    for (long[] entry : recentTransactions) {
      total += entry[1];
    }
    long windowNanos = Math.min(RATE_WINDOW_NANOS, Math.max(1, System.nanoTime() - startedNanos));
    return total * 1e9 / Math.max(windowNanos, REFRESH.toNanos());
  }

  private ValidatorNode highestLiveNode() {
    ValidatorNode best = null;
    long bestHeight = -1;
    for (ValidatorNode node : nodes.validators) {
      if (node.isAlive()) {
        long height = DevnetNodes.height(node).orElse(-1);
        if (height > bestHeight) {
          best = node;
          bestHeight = height;
        }
      }
    }
    return best;
  }
}
