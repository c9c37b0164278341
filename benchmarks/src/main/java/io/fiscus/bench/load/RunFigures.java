package io.fiscus.bench.load;

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
      int offeredTps,
      PresignedLoad load,
      LoadGenerator generator,
      FinalityPoller poller,
      long startNanos,
      long nodeCpuNanos,
      long generatorCpuNanos,
      long otherProcessesCpuNanos,
      long rssKilobytes,
      long peakRssKilobytes,
      Map<String, String> nodeMetrics) {}

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
    return new BenchResults.Run(
        1,
        in.options().blockPeriodMs(),
        in.offeredTps(),
        finalizedPerSecond(finalized, window),
        BenchResults.millis(latency.p50Nanos()),
        BenchResults.millis(latency.p99Nanos()),
        BenchResults.millis(latency.maxNanos()),
        in.rssKilobytes() / MEBIBYTE_IN_KB,
        in.peakRssKilobytes() / MEBIBYTE_IN_KB,
        BenchResults.seconds(in.nodeCpuNanos()),
        BenchResults.seconds(in.generatorCpuNanos()),
        BenchResults.seconds(in.otherProcessesCpuNanos()),
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
        in.nodeMetrics());
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
