package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows the chain head every {@code pollIntervalMillis} ({@code eth_blockNumber}, then {@code
 * eth_getBlockByNumber(n, false)} for each new block) and stamps each load transaction with the
 * instant its block was first seen. Every QBFT block is final when committed, so that is the
 * finality instant, late by at most one poll interval plus one round trip.
 */
public final class FinalityPoller {
  /** Blocks fetched per request when the poller has fallen behind. */
  private static final int BLOCKS_PER_BATCH = 32;

  private final JsonRpcClient rpc;
  private final PresignedLoad load;
  private final long pollIntervalNanos;
  private final long[] finalizedNanos;
  private final List<BlockSeen> blocks = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile int finalizedCount;
  private volatile long lastFinalizedNanos;
  private volatile RuntimeException failure;
  private long nextBlock;
  private int finalizedSoFar;

  /** A block holding load transactions: its number, its size, and when the poller saw it. */
  public record BlockSeen(long number, int transactions, int loadTransactions, long seenNanos) {}

  public FinalityPoller(JsonRpcClient rpc, PresignedLoad load, long pollIntervalMillis) {
    this.rpc = rpc;
    this.load = load;
    this.pollIntervalNanos = pollIntervalMillis * 1_000_000L;
    this.finalizedNanos = new long[load.schedule().totalTransactions()];
    this.thread = new Thread(this::poll, "finality-poller");
    this.thread.setDaemon(true);
  }

  /** Starts following from the block after the current head. */
  public void start() {
    nextBlock = head() + 1;
    thread.start();
  }

  /** Stops polling and waits for the thread; then the stamps are stable. */
  public void stop() {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while stopping the finality poller", interrupted);
    }
    if (failure != null) {
      throw new IllegalStateException("the finality poller failed", failure);
    }
  }

  public int finalizedCount() {
    return finalizedCount;
  }

  /** The last instant a load transaction was first seen final; 0 before the first. */
  public long lastFinalizedNanos() {
    return lastFinalizedNanos;
  }

  /** When transaction {@code j} was first seen in a block; 0 if never. Read after {@link #stop}. */
  public long finalizedNanos(int j) {
    return finalizedNanos[j];
  }

  /** The blocks that held load transactions, in order. Read after {@link #stop}. */
  public List<BlockSeen> blocks() {
    return List.copyOf(blocks);
  }

  private void poll() {
    long next = System.nanoTime();
    try {
      while (!stopped) {
        long head = head();
        long seen = System.nanoTime();
        while (nextBlock <= head) {
          long last = Math.min(head, nextBlock + BLOCKS_PER_BATCH - 1);
          fetchBlocks(nextBlock, last, seen);
          nextBlock = last + 1;
        }
        next += pollIntervalNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        } else {
          next = System.nanoTime();
        }
      }
    } catch (RuntimeException failed) {
      failure = failed;
    }
  }

  private long head() {
    return Long.decode(rpc.call("eth_blockNumber").asText());
  }

  private void fetchBlocks(long first, long last, long seenNanos) {
    List<ObjectNode> requests = new ArrayList<>();
    for (long number = first; number <= last; number++) {
      requests.add(
          rpc.request(number, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false));
    }
    for (JsonNode answer : rpc.batch(requests)) {
      JsonNode block = JsonRpcClient.resultOf(answer);
      JsonNode hashes = block.path("transactions");
      int ours = 0;
      for (JsonNode hash : hashes) {
        int j = load.transactionOf(hash.asText());
        if (j >= 0 && finalizedNanos[j] == 0) {
          finalizedNanos[j] = seenNanos;
          ours++;
        }
      }
      if (ours > 0) {
        blocks.add(
            new BlockSeen(
                Long.decode(block.path("number").asText()), hashes.size(), ours, seenNanos));
        finalizedSoFar += ours;
        finalizedCount = finalizedSoFar;
        lastFinalizedNanos = seenNanos;
      }
    }
  }
}
