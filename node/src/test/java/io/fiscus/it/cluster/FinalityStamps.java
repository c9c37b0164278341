package io.fiscus.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.utils.Numeric;

/**
 * Follows one node's head every 50 ms and stamps each known transaction with the instant its block
 * was first seen: QBFT blocks are final when committed, so that is its finality (late by at most
 * one poll and one round trip).
 */
final class FinalityStamps implements AutoCloseable {
  private final ClusterNode node;
  private final Map<String, Integer> indexOfHash = new HashMap<>();
  private final long[] finalizedNanos;
  private final Thread thread;
  private volatile boolean running = true;
  private final AtomicInteger finalized = new AtomicInteger();
  private long nextBlock;
  private long blocksSeen;

  FinalityStamps(ClusterNode node, List<String> hashes) {
    this.node = node;
    for (int i = 0; i < hashes.size(); i++) {
      indexOfHash.put(hashes.get(i), i);
    }
    this.finalizedNanos = new long[hashes.size()];
    this.thread = new Thread(this::follow, "finality-stamps");
    this.thread.setDaemon(true);
  }

  void start() {
    nextBlock = node.head().number() + 1;
    thread.start();
  }

  private void follow() {
    while (running) {
      try {
        long head = node.head().number();
        while (nextBlock <= head) {
          JsonNode block =
              node.rpc()
                  .result(
                      "eth_getBlockByNumber",
                      Numeric.encodeQuantity(BigInteger.valueOf(nextBlock)),
                      false);
          long now = System.nanoTime();
          for (JsonNode hash : block.path("transactions")) {
            Integer index = indexOfHash.get(hash.asText());
            if (index != null && finalizedNanos[index] == 0) {
              finalizedNanos[index] = now;
              finalized.incrementAndGet();
            }
          }
          nextBlock++;
          blocksSeen++;
        }
      } catch (RuntimeException transientFailure) {
        // a slow answer under load: try again at the next poll
      }
      Cluster.sleep(50);
    }
  }

  int finalized() {
    return finalized.get();
  }

  /**
   * Sustained finalized transfers/s over the last 80% of the offer (after a warm-up), and p50/p99
   * submit-to-finalized latency of the transactions offered in that window.
   */
  Map<String, Object> figures(long[] submittedNanos, long durationSeconds) {
    long first = Arrays.stream(submittedNanos).filter(n -> n > 0).min().orElse(0);
    long windowStart = first + durationSeconds * 200_000_000L;
    long windowEnd = first + durationSeconds * 1_000_000_000L;
    long inWindow = 0;
    long[] latencies = new long[submittedNanos.length];
    int measured = 0;
    int unfinalized = 0;
    for (int i = 0; i < submittedNanos.length; i++) {
      long done = finalizedNanos[i];
      if (done >= windowStart && done < windowEnd) {
        inWindow++;
      }
      if (submittedNanos[i] >= windowStart) {
        if (done == 0) {
          unfinalized++;
        } else {
          latencies[measured++] = done - submittedNanos[i];
        }
      }
    }
    Arrays.sort(latencies, 0, measured);
    Map<String, Object> figures = new LinkedHashMap<>();
    double windowSeconds = (windowEnd - windowStart) / 1e9;
    figures.put("finalizedPerSecond", Math.round(inWindow / windowSeconds));
    figures.put("latencyP50Millis", percentileMillis(latencies, measured, 50));
    figures.put("latencyP99Millis", percentileMillis(latencies, measured, 99));
    figures.put("unfinalizedAfterDrain", unfinalized);
    figures.put("blocksSeen", blocksSeen);
    return figures;
  }

  private static double percentileMillis(long[] sorted, int count, int percentile) {
    if (count == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
