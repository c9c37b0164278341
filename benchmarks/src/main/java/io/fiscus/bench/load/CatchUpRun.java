package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times a fresh full node's catch-up: once the load is over, the network's standby full node starts
 * with an empty data directory and syncs to the head a validator had at that moment (every block
 * fetched, its commit seals checked against the validator set, re-executed). A full node rather
 * than a stopped validator, because with one validator of four down every fourth height waits out a
 * round timeout, and the figure would measure that timeout instead of sync. The synced block must
 * be the validator's, hash for hash.
 */
public final class CatchUpRun {
  private static final Duration SERVING_TIMEOUT = Duration.ofMinutes(2);
  private static final long STALL_NANOS = Duration.ofSeconds(60).toNanos();
  private static final int BLOCKS_PER_BATCH = 64;
  private static final long POLL_MILLIS = 20;
  private static final long REPORT_NANOS = Duration.ofMinutes(1).toNanos();

  private CatchUpRun() {}

  /**
   * Syncs the network's full node to {@code witness}'s current head and returns the figures.
   *
   * @throws IllegalStateException if the full node exits, stops progressing for 60 s, or ends on
   *     another block than the witness
   */
  public static BenchResults.CatchUp measure(LocalNetwork network, JsonRpcClient witness) {
    long target = head(witness);
    long transactions = transactionsUpTo(witness, target);
    String targetHash = blockHash(witness, target);
    long started = System.nanoTime();
    NodeProcess fullNode = network.startFullNode();
    fullNode.awaitRpc(network.chainId(), SERVING_TIMEOUT);
    long serving = System.nanoTime();
    JsonRpcClient follower = new JsonRpcClient(fullNode.rpcUri());
    long height = -1;
    long lastProgress = System.nanoTime();
    while (height < target) {
      if (!fullNode.isAlive()) {
        throw new IllegalStateException(
            "the full node exited while syncing:\n" + fullNode.logTail());
      }
      long now = head(follower);
      if (now != height) {
        height = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
        throw new IllegalStateException(
            "the full node stopped syncing at #"
                + height
                + " of #"
                + target
                + ":\n"
                + fullNode.logTail());
      }
      NetworkSetup.sleepMillis(POLL_MILLIS);
    }
    long caughtUp = System.nanoTime();
    String synced = blockHash(follower, target);
    if (!synced.equals(targetHash)) {
      throw new IllegalStateException(
          "the full node holds " + synced + " at #" + target + ", the validator " + targetHash);
    }
    long sync = caughtUp - serving;
    return new BenchResults.CatchUp(
        target,
        transactions,
        BenchResults.seconds(serving - started),
        BenchResults.seconds(sync),
        BenchResults.seconds(caughtUp - started),
        sync <= 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(target * 1e9 / sync).setScale(1, RoundingMode.HALF_UP),
        RunFigures.finalizedPerSecond(transactions, sync));
  }

  /**
   * Waits, printing the height every minute, until {@code witness} holds block {@code height}.
   *
   * @throws IllegalStateException if the chain stops growing for 60 s
   */
  public static void awaitHeight(JsonRpcClient witness, long height, PrintStream out) {
    out.printf("  growing the chain to #%,d (an empty block at every period)...%n", height);
    long started = System.nanoTime();
    long lastReport = started;
    long lastProgress = started;
    long current = head(witness);
    while (current < height) {
      NetworkSetup.sleepMillis(1_000);
      long now = head(witness);
      long time = System.nanoTime();
      if (now != current) {
        current = now;
        lastProgress = time;
      } else if (time - lastProgress > STALL_NANOS) {
        throw new IllegalStateException("the chain stopped growing at #" + current);
      }
      if (time - lastReport >= REPORT_NANOS) {
        lastReport = time;
        out.printf("    #%,d after %s s%n", current, BenchResults.seconds(time - started));
      }
    }
    out.printf(
        "  reached #%,d in %s s%n", current, BenchResults.seconds(System.nanoTime() - started));
  }

  private static long head(JsonRpcClient rpc) {
    return Long.decode(rpc.call("eth_blockNumber").asText());
  }

  private static String blockHash(JsonRpcClient rpc, long number) {
    return rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false)
        .path("hash")
        .asText();
  }

  /** Transactions in blocks 1..{@code last}, fetched in batches of block headers with hashes. */
  private static long transactionsUpTo(JsonRpcClient rpc, long last) {
    long transactions = 0;
    for (long first = 1; first <= last; first += BLOCKS_PER_BATCH) {
      List<ObjectNode> requests = new ArrayList<>();
      for (long number = first; number <= Math.min(last, first + BLOCKS_PER_BATCH - 1); number++) {
        requests.add(
            rpc.request(number, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false));
      }
      for (JsonNode answer : rpc.batch(requests)) {
        transactions += JsonRpcClient.resultOf(answer).path("transactions").size();
      }
    }
    return transactions;
  }
}
