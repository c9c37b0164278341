package io.fiscus.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench-results.json} holds: the machine's limits and one entry per load run, in the
 * shape {@code scripts/bench} shares (issue 7); fields beyond the required ones explain a figure.
 *
 * @param machine the machine the runs shared
 * @param runs one per network size and block period
 */
public record BenchResults(Machine machine, List<Run> runs) {

  public BenchResults {
    runs = List.copyOf(runs);
  }

  /**
   * The machine every run shared.
   *
   * @param cores available processors, shared by the node(s) and the load generator
   * @param recoveriesPerSecondPerCore secp256k1 sender recoveries per second on one thread
   * @param recoveryImplementation the secp256k1 implementation measured
   * @param cpuModel as /proc/cpuinfo names it
   * @param jdk the benchmark's Java runtime version
   */
  public record Machine(
      int cores,
      long recoveriesPerSecondPerCore,
      String recoveryImplementation,
      String cpuModel,
      String jdk) {}

  /**
   * One load run. Latencies are from the instant a transaction's batch was handed to the HTTP
   * client to the instant the finality poller first saw a block holding it.
   *
   * @param validators network size
   * @param blockPeriodMs the genesis block period
   * @param offeredTps the target open-loop rate
   * @param finalizedTps finalized load transactions / (last finalization − first submission)
   * @param p50Ms median submit-to-finalized latency
   * @param p99Ms 99th percentile
   * @param maxMs largest
   * @param rssMbPerNode the node's resident set at the end of the run, MiB
   * @param peakRssMbPerNode the node's peak resident set (VmHWM), MiB
   * @param cpuSecondsPerNode node CPU (user + system) over the measured window
   * @param generatorCpuSeconds the load generator's own CPU over the same window
   * @param otherProcessesCpuSeconds CPU that neither the node nor the generator used during the
   *     window (other work on the machine): a large figure means the run was disturbed
   * @param windowSeconds first submission to last finalization
   * @param durationSeconds how long load was offered
   * @param submitted load transactions sent
   * @param accepted answered with a transaction hash
   * @param rejected answered with an error
   * @param rejectionsByCode rejected transactions by JSON-RPC error code ("transport" for lost
   *     requests)
   * @param finalized accepted transactions seen in a block
   * @param notFinalized accepted transactions not seen in a block before the drain timeout
   * @param notFinalizedBehindNonceGap of those, how many follow a rejected transaction of the same
   *     sender (stuck behind the nonce gap it left, as they must be)
   * @param batchSize transactions per JSON-RPC batch
   * @param senders distinct sending accounts
   * @param blocks blocks holding load transactions
   * @param maxTransactionsPerBlock the fullest of those blocks
   * @param pollIntervalMs the finality poller's period: latencies are late by up to this much
   * @param scheduleLagMaxMs the most any batch was sent after its due instant (generator health)
   * @param nodeMetrics selected deltas of the node's /metrics over the window
   */
  public record Run(
      int validators,
      int blockPeriodMs,
      int offeredTps,
      long finalizedTps,
      BigDecimal p50Ms,
      BigDecimal p99Ms,
      BigDecimal maxMs,
      long rssMbPerNode,
      long peakRssMbPerNode,
      BigDecimal cpuSecondsPerNode,
      BigDecimal generatorCpuSeconds,
      BigDecimal otherProcessesCpuSeconds,
      BigDecimal windowSeconds,
      int durationSeconds,
      int submitted,
      int accepted,
      int rejected,
      Map<String, Long> rejectionsByCode,
      int finalized,
      int notFinalized,
      int notFinalizedBehindNonceGap,
      int batchSize,
      int senders,
      int blocks,
      int maxTransactionsPerBlock,
      int pollIntervalMs,
      BigDecimal scheduleLagMaxMs,
      Map<String, String> nodeMetrics) {

    public Run {
      rejectionsByCode = Map.copyOf(rejectionsByCode);
      nodeMetrics = Map.copyOf(nodeMetrics);
    }
  }

  /** Nanoseconds as milliseconds with one decimal, exactly rounded. */
  public static BigDecimal millis(long nanos) {
    return BigDecimal.valueOf(nanos, 6).setScale(1, RoundingMode.HALF_UP);
  }

  /** Nanoseconds as seconds with two decimals. */
  public static BigDecimal seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(2, RoundingMode.HALF_UP);
  }

  /** The results as indented JSON, fields in declaration order, maps sorted by key. */
  public String toJson() {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    try {
      return mapper.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("records of plain values always serialize", impossible);
    }
  }
}
