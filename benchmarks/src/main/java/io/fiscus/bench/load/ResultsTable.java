package io.fiscus.bench.load;

import java.io.PrintStream;
import java.util.Map;

/** The human-readable side of the results. */
public final class ResultsTable {
  private ResultsTable() {}

  /** The details of one run, right after it. */
  public static void printRun(PrintStream out, BenchResults.Run run) {
    out.printf(
        "  submitted %,d, accepted %,d, rejected %,d, finalized %,d, not finalized %,d (%,d of them"
            + " behind a rejected nonce of their sender)%n",
        run.submitted(),
        run.accepted(),
        run.rejected(),
        run.finalized(),
        run.notFinalized(),
        run.notFinalizedBehindNonceGap());
    for (Map.Entry<String, Long> rejection : run.rejectionsByCode().entrySet()) {
      out.printf("    rejected %,d × %s%n", rejection.getValue(), rejection.getKey());
    }
    out.printf(
        "  finalized %,d tx/s over %s s; latency p50 %s ms, p99 %s ms, max %s ms (poll every %d ms)%n",
        run.finalizedTps(),
        run.windowSeconds(),
        run.p50Ms(),
        run.p99Ms(),
        run.maxMs(),
        run.pollIntervalMs());
    out.printf(
        "  %d blocks with load, %,d transactions per block on average, fullest %,d;"
            + " generator lag max %s ms%n",
        run.blocks(),
        run.blocks() == 0 ? 0 : run.finalized() / run.blocks(),
        run.maxTransactionsPerBlock(),
        run.scheduleLagMaxMs());
    out.printf(
        "  node: CPU %s s, RSS %,d MiB (peak %,d MiB); generator CPU %s s%n",
        run.cpuSecondsPerNode(),
        run.rssMbPerNode(),
        run.peakRssMbPerNode(),
        run.generatorCpuSeconds());
    out.println("  node metrics over the run: " + run.nodeMetrics());
  }

  /** The summary table of every run. */
  public static void print(PrintStream out, BenchResults results) {
    BenchResults.Machine machine = results.machine();
    out.printf(
        "machine: %d cores, %s; sender recovery %,d/s per core (%s)%n",
        machine.cores(),
        machine.cpuModel(),
        machine.recoveriesPerSecondPerCore(),
        machine.recoveryImplementation());
    out.println(
        "| validators | block ms | offered tx/s | finalized tx/s | p50 ms | p99 ms | max ms |"
            + " rejected | node CPU s | gen CPU s | other CPU s | RSS MiB (peak) |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (BenchResults.Run run : results.runs()) {
      out.printf(
          "| %d | %d | %,d | %,d | %s | %s | %s | %,d | %s | %s | %s | %,d (%,d) |%n",
          run.validators(),
          run.blockPeriodMs(),
          run.offeredTps(),
          run.finalizedTps(),
          run.p50Ms(),
          run.p99Ms(),
          run.maxMs(),
          run.rejected(),
          run.cpuSecondsPerNode(),
          run.generatorCpuSeconds(),
          run.otherProcessesCpuSeconds(),
          run.rssMbPerNode(),
          run.peakRssMbPerNode());
    }
  }
}
