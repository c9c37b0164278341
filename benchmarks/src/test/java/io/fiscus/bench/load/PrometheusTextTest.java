package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String BEFORE =
      """
      # HELP fiscus_blocks_total Blocks committed
      # TYPE fiscus_blocks_total counter
      fiscus_blocks_total 10.0
      fiscus_block_build_seconds_count 10
      fiscus_block_build_seconds_sum 0.5
      fiscus_mempool_rejected_total{reason="NONCE_TOO_LOW"} 1.0
      fiscus_mempool_rejected_total{reason="POOL FULL"} 2.0 1700000000000
      """;
  private static final String AFTER =
      """
      fiscus_blocks_total 110.0
      fiscus_block_build_seconds_count 110
      fiscus_block_build_seconds_sum 2.5
      fiscus_mempool_rejected_total{reason="NONCE_TOO_LOW"} 4.0
      fiscus_mempool_rejected_total{reason="POOL FULL"} 9.0
      """;

  @Test
  void samplesAreKeyedBySeriesWithTheirLabels() {
    Map<String, Double> samples = PrometheusText.parse(BEFORE);

    assertThat(samples).containsEntry("fiscus_blocks_total", 10.0);
    assertThat(samples).containsEntry("fiscus_mempool_rejected_total{reason=\"POOL FULL\"}", 2.0);
    assertThat(PrometheusText.total(samples, "fiscus_mempool_rejected_total")).isEqualTo(3.0);
    assertThat(PrometheusText.total(samples, "fiscus_block")).isZero();
  }

  @Test
  void runDeltasGiveMeanStageTimesPerBlockAndCounts() {
    Map<String, String> deltas =
        RunFigures.metricDeltas(
            Optional.of(PrometheusText.parse(BEFORE)), Optional.of(PrometheusText.parse(AFTER)), 7);

    assertThat(deltas)
        .containsEntry("blocks", "100")
        .containsEntry("blockBuildMeanMs", "20.0")
        .containsEntry("mempoolRejected", "10")
        .containsEntry("mempoolPeakTransactions", "7")
        .doesNotContainKey("blockCommitMeanMs");
  }

  @Test
  void aFailedScrapeIsReportedNotFatal() {
    assertThat(RunFigures.metricDeltas(Optional.empty(), Optional.empty(), 0))
        .containsEntry("scrape", "unavailable");
  }
}
