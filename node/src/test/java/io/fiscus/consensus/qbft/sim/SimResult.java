package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.Reason;
import java.util.List;
import java.util.SortedMap;

/**
 * What one simulated run observed.
 *
 * @param violations safety violations, halts and liveness failures; empty when the run passed
 * @param notices how often each rejection reason or observation was reported by the cores
 */
public record SimResult(
    long seed,
    SimConfig config,
    List<String> violations,
    long virtualMillis,
    long minimumHonestHeight,
    long messagesDelivered,
    long coreNanos,
    SortedMap<Reason, Long> notices) {

  public boolean ok() {
    return violations.isEmpty();
  }

  public String replayHint() {
    return "seed " + seed + " " + config + " — replay with -Dsim.seed=" + seed;
  }
}
