package io.fiscus.bench.load;

import java.util.Arrays;

/**
 * Exact order statistics of a set of latencies in nanoseconds: the nearest-rank percentile of the
 * sorted values (the smallest value with at least p% of the values at or below it), so every figure
 * is a latency that was actually observed.
 *
 * @param count latencies summarized
 * @param p50Nanos median
 * @param p99Nanos 99th percentile
 * @param maxNanos largest
 */
public record LatencySummary(int count, long p50Nanos, long p99Nanos, long maxNanos) {
  /** Percentiles are given in basis points (1/100 of a percent): 5000 is the median. */
  public static final int BASIS_POINTS = 10_000;

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

  /** Summarizes {@code latenciesNanos} (not modified). */
  public static LatencySummary of(long[] latenciesNanos) {
    if (latenciesNanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        sorted.length,
        percentile(sorted, 5_000),
        percentile(sorted, 9_900),
        sorted[sorted.length - 1]);
  }

  /**
   * The nearest-rank percentile of ascending {@code sorted} values: the value at rank ⌈p·n⌉
   * (1-based), with p in basis points.
   */
  public static long percentile(long[] sorted, int basisPoints) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (basisPoints <= 0 || basisPoints > BASIS_POINTS) {
      throw new IllegalArgumentException("percentile must be in (0, 100%]");
    }
    long rank = ((long) basisPoints * sorted.length + BASIS_POINTS - 1) / BASIS_POINTS;
    return sorted[(int) Math.max(1, rank) - 1];
  }
}
