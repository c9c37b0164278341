package io.fiscus.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each live node's counters at one instant: CPU time from {@code /proc/<pid>/stat} (utime + stime,
 * in clock ticks), {@code fiscus_blocks_total} and {@code fiscus_qbft_round_changes_total}; and the
 * load generator's own CPU. Two samples give rates.
 */
record NodeSamples(long nanos, Map<String, long[]> perNode, long ownCpuTicks) {
  /** Linux's USER_HZ: 100 on every mainstream kernel configuration. */
  private static final double TICKS_PER_SECOND = 100;

  static NodeSamples take(Cluster cluster) {
    Map<String, long[]> perNode = new LinkedHashMap<>();
    for (ClusterNode node : cluster.alive()) {
      perNode.put(
          node.name(),
          new long[] {
            cpuTicks(node.process().pid()),
            (long) node.metric("fiscus_blocks_total"),
            (long) node.metric("fiscus_qbft_round_changes_total")
          });
    }
    return new NodeSamples(System.nanoTime(), perNode, cpuTicks(ProcessHandle.current().pid()));
  }

  /** CPU per node (percent of one core), blocks, and round changes per 1,000 blocks. */
  Map<String, Object> since(NodeSamples before) {
    double seconds = (nanos - before.nanos) / 1e9;
    Map<String, Object> figures = new LinkedHashMap<>();
    long blocks = 0;
    long roundChanges = 0;
    for (Map.Entry<String, long[]> node : perNode.entrySet()) {
      long[] earlier = before.perNode.get(node.getKey());
      if (earlier == null) {
        continue;
      }
      long[] now = node.getValue();
      figures.put(
          "cpuPercent." + node.getKey(),
          Math.round((now[0] - earlier[0]) / TICKS_PER_SECOND / seconds * 100));
      blocks = Math.max(blocks, now[1] - earlier[1]);
      roundChanges += now[2] - earlier[2];
    }
    figures.put(
        "cpuPercent.loadGenerator",
        Math.round((ownCpuTicks - before.ownCpuTicks) / TICKS_PER_SECOND / seconds * 100));
    figures.put("blocks", blocks);
    // Each node counts the rounds it started above 0; their mean is the cluster's figure.
    double perNodeMean = perNode.isEmpty() ? 0 : (double) roundChanges / perNode.size();
    figures.put("roundChangesPer1000Blocks", blocks == 0 ? 0 : perNodeMean * 1000 / blocks);
    return figures;
  }

  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
      List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
      return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    } catch (IOException | RuntimeException unavailable) {
      return 0;
    }
  }
}
