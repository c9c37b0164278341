package io.fiscus.client.subscription;

import java.util.HashMap;
import java.util.Map;

/**
 * Which logs were delivered, so a log seen both live and in a backfill is delivered once. Bounded:
 * logs more than {@value #BLOCKS_KEPT} blocks behind the newest are forgotten (a backfill never
 * reaches that far back from where it resumes).
 */
final class DeliveredLogs {
  static final long BLOCKS_KEPT = 1_000;
  private static final int PRUNE_AT = 10_000;

  private final Map<String, Long> blockOfLog = new HashMap<>();
  private long newestBlock;

  /** Records the log; true if it was not seen before. */
  synchronized boolean firstTime(String transactionHash, long logIndex, long blockNumber) {
    newestBlock = Math.max(newestBlock, blockNumber);
    boolean first = blockOfLog.putIfAbsent(transactionHash + ":" + logIndex, blockNumber) == null;
    if (blockOfLog.size() > PRUNE_AT) {
      blockOfLog.values().removeIf(block -> block < newestBlock - BLOCKS_KEPT);
    }
    return first;
  }
}
