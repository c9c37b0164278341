package io.fiscus.bench.load;

import com.fasterxml.jackson.annotation.JsonInclude;
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
   * @param rocksDbPutsPerBatch writes in each batch of the RocksDB figure
   * @param rocksDbBatchesPerSecond synced RocksDB batches of that size committed per second
   * @param rocksDbPutsPerSecond RocksDB writes per second in those batches
   * @param cpuModel as /proc/cpuinfo names it
   * @param jdk the benchmark's Java runtime version
   */
  public record Machine(
      int cores,
      long recoveriesPerSecondPerCore,
      String recoveryImplementation,
      int rocksDbPutsPerBatch,
      long rocksDbBatchesPerSecond,
      long rocksDbPutsPerSecond,
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
   * @param rssMbPerNode the largest validator resident set at the end of the run, MiB
   * @param cpuPercentPerNode mean validator CPU over the window, in percent of one core
   * @param roundChangesPer1000Blocks rounds started above 0 per 1,000 blocks, the validators' mean
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
   * @param batchSize transactions per JSON-RPC batch (batches go to the validators in turn)
   * @param senders distinct sending accounts
   * @param blocks blocks holding load transactions
   * @param maxTransactionsPerBlock the fullest of those blocks
   * @param pollIntervalMs the finality poller's period: latencies are late by up to this much
   * @param scheduleLagMaxMs the most any batch was sent after its due instant (generator health)
   * @param generatorCpuSeconds the load generator's own CPU over the window
   * @param otherProcessesCpuSeconds CPU that neither the nodes nor the generator used during the
   *     window (other work on the machine): a large figure means the run was disturbed
   * @param nodes each validator's own figures
   * @param catchUp a fresh full node syncing the run's chain, or null if not measured
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      int validators,
      int blockPeriodMs,
      int offeredTps,
      long finalizedTps,
      BigDecimal p50Ms,
      BigDecimal p99Ms,
      BigDecimal maxMs,
      long rssMbPerNode,
      long cpuPercentPerNode,
      BigDecimal roundChangesPer1000Blocks,
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
      BigDecimal generatorCpuSeconds,
      BigDecimal otherProcessesCpuSeconds,
      List<Node> nodes,
      CatchUp catchUp) {

    public Run {
      rejectionsByCode = Map.copyOf(rejectionsByCode);
      nodes = List.copyOf(nodes);
    }

    /** The same run with its catch-up figure. */
    public Run withCatchUp(CatchUp measured) {
      return new Run(
          validators,
          blockPeriodMs,
          offeredTps,
          finalizedTps,
          p50Ms,
          p99Ms,
          maxMs,
          rssMbPerNode,
          cpuPercentPerNode,
          roundChangesPer1000Blocks,
          windowSeconds,
          durationSeconds,
          submitted,
          accepted,
          rejected,
          rejectionsByCode,
          finalized,
          notFinalized,
          notFinalizedBehindNonceGap,
          batchSize,
          senders,
          blocks,
          maxTransactionsPerBlock,
          pollIntervalMs,
          scheduleLagMaxMs,
          generatorCpuSeconds,
          otherProcessesCpuSeconds,
          nodes,
          measured);
    }
  }

  /**
   * One validator over a run's window.
   *
   * @param name validatorK, as the generator names its directory
   * @param cpuSeconds user + system CPU over the window
   * @param cpuPercent the same, in percent of one core
   * @param rssMb resident set at the end of the run, MiB
   * @param peakRssMb peak resident set (VmHWM), MiB
   * @param metrics selected deltas of the node's /metrics over the window
   */
  public record Node(
      String name,
      BigDecimal cpuSeconds,
      long cpuPercent,
      long rssMb,
      long peakRssMb,
      Map<String, String> metrics) {
    public Node {
      metrics = Map.copyOf(metrics);
    }
  }

  /**
   * A full node started with an empty data directory after the load, syncing to the head the
   * validators had then: every block fetched, its commit seals checked, and re-executed.
   *
   * @param blocks blocks synced
   * @param transactions transactions in those blocks
   * @param startToServingSeconds from launching the process to its RPC answering (JVM start,
   *     opening the store, connecting to peers)
   * @param syncSeconds from its RPC answering to holding the target block
   * @param totalSeconds from launching the process to holding the target block
   * @param blocksPerSecond blocks / sync time, one decimal
   * @param transactionsPerSecond transactions / sync time
   */
  public record CatchUp(
      long blocks,
      long transactions,
      BigDecimal startToServingSeconds,
      BigDecimal syncSeconds,
      BigDecimal totalSeconds,
      BigDecimal blocksPerSecond,
      long transactionsPerSecond) {}

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
