package io.fiscus.consensus.qbft.sim;

import java.util.List;

/**
 * One simulated run.
 *
 * @param validators number of validators n
 * @param byzantine strategies for the first nodes (at most f = (n-1)/3 of them)
 * @param faultPhaseMillis virtual time with network faults and crashes, before healing
 * @param dropPercent highest chance a message is lost while faults are on (each seed picks its own)
 * @param duplicatePercent chance a message is delivered twice while faults are on
 * @param partitions whether the network splits while faults are on
 * @param crashes whether honest nodes crash and restart while faults are on
 * @param blocksAfterHeal every honest node must finalize this many more blocks after healing
 */
public record SimConfig(
    int validators,
    List<Byzantine.Strategy> byzantine,
    long faultPhaseMillis,
    int dropPercent,
    int duplicatePercent,
    boolean partitions,
    boolean crashes,
    int blocksAfterHeal) {

  public SimConfig {
    byzantine = List.copyOf(byzantine);
    if (byzantine.size() > (validators - 1) / 3) {
      throw new IllegalArgumentException("more Byzantine nodes than f");
    }
  }

  public static SimConfig calm(int validators) {
    return new SimConfig(validators, List.of(), 0, 0, 0, false, false, 5);
  }

  public static SimConfig hostile(int validators, List<Byzantine.Strategy> byzantine) {
    return new SimConfig(validators, byzantine, 60_000, 25, 5, true, true, 3);
  }
}
