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
            + " %s round changes per 1,000 blocks; generator lag max %s ms, CPU %s s%n",
        run.blocks(),
        run.blocks() == 0 ? 0 : run.finalized() / run.blocks(),
        run.maxTransactionsPerBlock(),
        run.roundChangesPer1000Blocks(),
        run.scheduleLagMaxMs(),
        run.generatorCpuSeconds());
    for (BenchResults.Node node : run.nodes()) {
      out.printf(
          "  %s: CPU %s s (%d%% of a core), RSS %,d MiB (peak %,d MiB); %s%n",
          node.name(),
          node.cpuSeconds(),
          node.cpuPercent(),
          node.rssMb(),
          node.peakRssMb(),
          node.metrics());
    }
    BenchResults.CatchUp catchUp = run.catchUp();
    if (catchUp != null) {
      out.printf(
          "  catch-up: a fresh full node served RPC after %s s, then synced %,d blocks (%,d"
              + " transactions) in %s s: %s blocks/s, %,d tx/s; %s s in all%n",
          catchUp.startToServingSeconds(),
          catchUp.blocks(),
          catchUp.transactions(),
          catchUp.syncSeconds(),
          catchUp.blocksPerSecond(),
          catchUp.transactionsPerSecond(),
          catchUp.totalSeconds());
    }
  }

  /** The summary table of every run. */
  public static void print(PrintStream out, BenchResults results) {
    BenchResults.Machine machine = results.machine();
    out.printf(
        "machine: %d cores, %s; sender recovery %,d/s per core (%s); RocksDB %,d synced batches/s"
            + " of %,d puts = %,d puts/s%n",
        machine.cores(),
        machine.cpuModel(),
        machine.recoveriesPerSecondPerCore(),
        machine.recoveryImplementation(),
        machine.rocksDbBatchesPerSecond(),
        machine.rocksDbPutsPerBatch(),
        machine.rocksDbPutsPerSecond());
    out.println(
        "| validators | block ms | offered tx/s | finalized tx/s | p50 ms | p99 ms | max ms |"
            + " rejected | CPU %/node | RSS MiB/node | round changes/1k blocks | gen CPU s |"
            + " other CPU s | catch-up |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (BenchResults.Run run : results.runs()) {
      out.printf(
          "| %d | %d | %,d | %,d | %s | %s | %s | %,d | %d | %,d | %s | %s | %s | %s |%n",
          run.validators(),
          run.blockPeriodMs(),
          run.offeredTps(),
          run.finalizedTps(),
          run.p50Ms(),
          run.p99Ms(),
          run.maxMs(),
          run.rejected(),
          run.cpuPercentPerNode(),
          run.rssMbPerNode(),
          run.roundChangesPer1000Blocks(),
          run.generatorCpuSeconds(),
          run.otherProcessesCpuSeconds(),
          catchUpCell(run.catchUp()));
    }
  }

  private static String catchUpCell(BenchResults.CatchUp catchUp) {
    return catchUp == null
        ? "—"
        : String.format(
            java.util.Locale.ROOT,
            "%,d blocks in %s s (+ %s s start)",
            catchUp.blocks(),
            catchUp.syncSeconds(),
            catchUp.startToServingSeconds());
  }
}
