package io.fiscus.bench.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns what a run recorded into its reported figures. */
public final class RunFigures {
  private static final long MEBIBYTE_IN_KB = 1024;

  private RunFigures() {}

  /** Everything a run recorded. */
  public record Inputs(
      LoadOptions options,
      int validators,
      int offeredTps,
      PresignedLoad load,
      LoadGenerator generator,
      FinalityPoller poller,
      long startNanos,
      long generatorCpuNanos,
      long otherProcessesCpuNanos,
      List<NodeWindow> nodes) {}

  /**
   * One validator over the sampled window.
   *
   * @param name its name
   * @param windowNanos how long the window between the two samples lasted
   * @param cpuNanos its CPU over that window
   * @param rssKilobytes resident set at the end
   * @param peakRssKilobytes peak resident set
   * @param metricsBefore its /metrics at the start, if it answered
   * @param metricsAfter its /metrics at the end, if it answered
   * @param mempoolPeak the most transactions its pool held
   */
  public record NodeWindow(
      String name,
      long windowNanos,
      long cpuNanos,
      long rssKilobytes,
      long peakRssKilobytes,
      Optional<Map<String, Double>> metricsBefore,
      Optional<Map<String, Double>> metricsAfter,
      long mempoolPeak) {}

  public static BenchResults.Run of(Inputs in) {
    int total = in.load().schedule().totalTransactions();
    long firstSubmit = Long.MAX_VALUE;
    long[] latencies = new long[in.poller().finalizedCount()];
    int finalized = 0;
    for (int j = 0; j < total; j++) {
      long submitted = in.generator().submitNanos(j);
      if (submitted != 0) {
        firstSubmit = Math.min(firstSubmit, submitted);
      }
      long done = in.poller().finalizedNanos(j);
      if (done != 0 && finalized < latencies.length) {
        latencies[finalized++] = done - submitted;
      }
    }
    LatencySummary latency =
        LatencySummary.of(finalized == latencies.length ? latencies : copy(latencies, finalized));
    long window = finalized == 0 ? 0 : in.poller().lastFinalizedNanos() - firstSubmit;
    List<FinalityPoller.BlockSeen> blocks = in.poller().blocks();
    int fullest = 0;
    for (FinalityPoller.BlockSeen block : blocks) {
      fullest = Math.max(fullest, block.transactions());
    }
    int accepted = in.generator().acceptedCount();
    int behindGap = behindNonceGap(in, finalized);
    List<BenchResults.Node> nodes = in.nodes().stream().map(RunFigures::node).toList();
    return new BenchResults.Run(
        in.validators(),
        in.options().blockPeriodMs(),
        in.offeredTps(),
        finalizedPerSecond(finalized, window),
        BenchResults.millis(latency.p50Nanos()),
        BenchResults.millis(latency.p99Nanos()),
        BenchResults.millis(latency.maxNanos()),
        nodes.stream().mapToLong(BenchResults.Node::rssMb).max().orElse(0),
        Math.round(nodes.stream().mapToLong(BenchResults.Node::cpuPercent).average().orElse(0)),
        roundChangesPer1000Blocks(in.nodes()),
        BenchResults.seconds(window),
        in.options().durationSeconds(),
        total,
        accepted,
        in.generator().rejectedCount(),
        in.generator().rejections(),
        finalized,
        accepted - finalized,
        behindGap,
        in.options().batchSize(),
        in.options().senders(),
        blocks.size(),
        fullest,
        in.options().pollIntervalMs(),
        BenchResults.millis(in.generator().scheduleLagMaxNanos(in.startNanos())),
        BenchResults.seconds(in.generatorCpuNanos()),
        BenchResults.seconds(in.otherProcessesCpuNanos()),
        nodes,
        null);
  }

  private static BenchResults.Node node(NodeWindow window) {
    return new BenchResults.Node(
        window.name(),
        BenchResults.seconds(window.cpuNanos()),
        window.windowNanos() <= 0
            ? 0
            : Math.round(100.0 * window.cpuNanos() / window.windowNanos()),
        window.rssKilobytes() / MEBIBYTE_IN_KB,
        window.peakRssKilobytes() / MEBIBYTE_IN_KB,
        metricDeltas(window.metricsBefore(), window.metricsAfter(), window.mempoolPeak()));
  }

  /**
   * Rounds started above round 0 per 1,000 blocks: each validator counts the rounds it started
   * ({@code fiscus_qbft_round_changes_total}), so the figure is their mean over the blocks the most
   * advanced of them committed in the window. Zero when no block was committed or no node answered
   * its scrape.
   */
  public static BigDecimal roundChangesPer1000Blocks(List<NodeWindow> nodes) {
    double roundChanges = 0;
    double blocks = 0;
    int counted = 0;
    for (NodeWindow node : nodes) {
      if (node.metricsBefore().isEmpty() || node.metricsAfter().isEmpty()) {
        continue;
      }
      Map<String, Double> before = node.metricsBefore().get();
      Map<String, Double> after = node.metricsAfter().get();
      roundChanges += delta(before, after, "fiscus_qbft_round_changes_total");
      blocks = Math.max(blocks, delta(before, after, "fiscus_blocks_total"));
      counted++;
    }
    if (counted == 0 || blocks == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return BigDecimal.valueOf(roundChanges / counted * 1000 / blocks)
        .setScale(1, RoundingMode.HALF_UP);
  }

  /**
   * Accepted transactions never finalized that come after a rejected transaction of the same
   * sender: the refused nonce leaves a gap, so the node rightly keeps them queued forever.
   */
  private static int behindNonceGap(Inputs in, int finalized) {
    int senders = in.options().senders();
    boolean[] gap = new boolean[senders];
    int behind = 0;
    int total = in.load().schedule().totalTransactions();
    if (finalized == total) {
      return 0;
    }
    for (int j = 0; j < total; j++) {
      int sender = j % senders;
      if (!in.generator().accepted(j)) {
        gap[sender] = true;
      } else if (gap[sender] && in.poller().finalizedNanos(j) == 0) {
        behind++;
      }
    }
    return behind;
  }

  /** Finalized transactions per second over {@code windowNanos}, rounded down. */
  public static long finalizedPerSecond(long finalized, long windowNanos) {
    return windowNanos <= 0 ? 0 : finalized * 1_000_000_000L / windowNanos;
  }

  /**
   * The node's own view of the window: blocks and transactions committed, mean build / commit /
   * finalize time per block, and the mempool's peak.
   */
  public static Map<String, String> metricDeltas(
      Optional<Map<String, Double>> before, Optional<Map<String, Double>> after, long mempoolPeak) {
    Map<String, String> deltas = new TreeMap<>();
    deltas.put("mempoolPeakTransactions", "" + mempoolPeak);
    if (before.isEmpty() || after.isEmpty()) {
      deltas.put("scrape", "unavailable");
      return deltas;
    }
    double blocks = delta(before.get(), after.get(), "fiscus_blocks_total");
    deltas.put("blocks", format(blocks, 0));
    deltas.put(
        "transactions", format(delta(before.get(), after.get(), "fiscus_transactions_total"), 0));
    for (String stage : List.of("build", "import", "commit", "finalize")) {
      String name = "fiscus_block_" + stage + "_seconds";
      double count = delta(before.get(), after.get(), name + "_count");
      if (count > 0) {
        double meanMillis = delta(before.get(), after.get(), name + "_sum") * 1000 / count;
        deltas.put("block" + capitalized(stage) + "MeanMs", format(meanMillis, 1));
      }
    }
    deltas.put(
        "mempoolEvicted",
        format(delta(before.get(), after.get(), "fiscus_mempool_evicted_total"), 0));
    deltas.put(
        "mempoolRejected",
        format(delta(before.get(), after.get(), "fiscus_mempool_rejected_total"), 0));
    deltas.put(
        "roundChanges",
        format(delta(before.get(), after.get(), "fiscus_qbft_round_changes_total"), 0));
    return deltas;
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
    return PrometheusText.total(after, name) - PrometheusText.total(before, name);
  }

  private static String format(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static long[] copy(long[] values, int length) {
    return java.util.Arrays.copyOf(values, length);
  }
}
