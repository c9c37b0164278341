package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesAreNearestRankOfTheSortedValues() {
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100L - i; // unsorted on purpose: 100, 99, ... 1
    }

    LatencySummary summary = LatencySummary.of(hundred);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50Nanos()).isEqualTo(50);
    assertThat(summary.p99Nanos()).isEqualTo(99);
    assertThat(summary.maxNanos()).isEqualTo(100);
  }

  @Test
  void aPercentileIsAlwaysAnObservedValueRoundingTheRankUp() {
    long[] sorted = {10, 20, 30};

    assertThat(LatencySummary.percentile(sorted, 5_000)).isEqualTo(20); // rank ceil(1.5) = 2
    assertThat(LatencySummary.percentile(sorted, 9_900)).isEqualTo(30); // rank ceil(2.97) = 3
    assertThat(LatencySummary.percentile(sorted, 1)).isEqualTo(10);
    assertThat(LatencySummary.percentile(sorted, 10_000)).isEqualTo(30);
  }

  @Test
  void theP99OfAThousandValuesIgnoresOnlyTheTenLargest() {
    long[] values = new long[1_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 990 ? 5 : 1_000 + i;
    }

    LatencySummary summary = LatencySummary.of(values);

    assertThat(summary.p99Nanos()).isEqualTo(5);
    assertThat(summary.maxNanos()).isEqualTo(1_999);
  }

  @Test
  void theInputIsNotReordered() {
    long[] values = {3, 1, 2};
    LatencySummary.of(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void noLatenciesSummarizeToZeros() {
    assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void refusesAPercentileOutsideZeroToAHundred() {
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nanosecondsPrintAsMillisecondsWithOneDecimalRoundedHalfUp() {
    assertThat(BenchResults.millis(123_450_000L)).isEqualTo(new BigDecimal("123.5"));
    assertThat(BenchResults.millis(123_449_999L)).isEqualTo(new BigDecimal("123.4"));
    assertThat(BenchResults.seconds(1_234_567_890L)).isEqualTo(new BigDecimal("1.23"));
  }

  @Test
  void finalizedThroughputIsTheCountOverTheWindowRoundedDown() {
    assertThat(RunFigures.finalizedPerSecond(300_000, 30_500_000_000L)).isEqualTo(9_836);
    assertThat(RunFigures.finalizedPerSecond(10, 0)).isZero();
  }
}
