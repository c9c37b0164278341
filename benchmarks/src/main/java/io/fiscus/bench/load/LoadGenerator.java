package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The open loop: the calling thread releases each pre-built batch at its due instant, whatever the
 * nodes have answered so far, and a few sender threads (one keep-alive connection to each node
 * each) post them, batch {@code k} to node {@code k mod n}, as clients spread over a network's RPC
 * endpoints would. A batch waits in a queue when every sender is busy; that wait shows as schedule
 * lag. The submit instant of a transaction is the instant its batch is handed to the HTTP client.
 */
public final class LoadGenerator {
  private static final int POISON = -1;

  private final List<JsonRpcClient> targets;
  private final PresignedLoad load;
  private final int connections;
  private final ObjectMapper json = new ObjectMapper();
  private final BlockingQueue<Integer> dueBatches;
  private final long[] submitNanos;
  private final boolean[] accepted;
  private final Map<String, Long> rejections = new TreeMap<>();
  private int acceptedCount;
  private int rejectedCount;

  /**
   * @param targets the nodes' RPC endpoints, given batches in turn
   * @param load the pre-signed batches
   * @param connections sender threads
   */
  public LoadGenerator(List<JsonRpcClient> targets, PresignedLoad load, int connections) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("the load needs at least one node to send to");
    }
    this.targets = List.copyOf(targets);
    this.load = load;
    this.connections = connections;
    int batches = load.schedule().batchCount();
    this.dueBatches = new ArrayBlockingQueue<>(batches + connections);
    this.submitNanos = new long[load.schedule().totalTransactions()];
    this.accepted = new boolean[submitNanos.length];
  }

  /** Offers the whole schedule from {@code startNanos} on; returns once every batch is answered. */
  public void run(long startNanos) {
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread sender = new Thread(this::sendDueBatches, "load-sender-" + i);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    OpenLoopSchedule schedule = load.schedule();
    for (int batch = 0; batch < schedule.batchCount(); batch++) {
      long due = startNanos + schedule.dueNanos(batch);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      dueBatches.add(batch);
    }
    for (int i = 0; i < connections; i++) {
      dueBatches.add(POISON);
    }
    for (Thread sender : senders) {
      join(sender);
    }
  }

  private void sendDueBatches() {
    OpenLoopSchedule schedule = load.schedule();
    while (true) {
      int batch = takeUninterruptibly();
      if (batch == POISON) {
        return;
      }
      long now = System.nanoTime();
      int from = schedule.firstTransaction(batch);
      int to = schedule.endTransaction(batch);
      for (int j = from; j < to; j++) {
        submitNanos[j] = now;
      }
      byte[] answer;
      try {
        answer = targets.get(batch % targets.size()).postRaw(load.batchBody(batch));
      } catch (RuntimeException lost) {
        countRejected("transport: " + lost.getMessage(), to - from);
        continue;
      }
      record(from, to, answer);
    }
  }

  /** Parses an answer outside the lock, then counts it. */
  private void record(int from, int to, byte[] answer) {
    JsonNode answers;
    try {
      answers = json.readTree(answer);
    } catch (IOException unreadable) {
      countRejected("unreadable answer", to - from);
      return;
    }
    if (!answers.isArray()) {
      countRejected("batch refused: " + answers.path("error"), to - from);
      return;
    }
    List<String> errors = new ArrayList<>();
    boolean[] ok = new boolean[to - from];
    for (JsonNode one : answers) {
      int j = one.path("id").asInt(-1);
      if (j < from || j >= to) {
        continue;
      }
      JsonNode error = one.get("error");
      if (error == null || error.isNull()) {
        ok[j - from] = true;
      } else {
        errors.add(error.path("code").asInt() + " " + error.path("message").asText());
      }
    }
    synchronized (this) {
      for (int i = 0; i < ok.length; i++) {
        if (ok[i]) {
          accepted[from + i] = true;
          acceptedCount++;
        }
      }
      for (String error : errors) {
        countRejected(error, 1);
      }
    }
  }

  private synchronized void countRejected(String reason, int transactions) {
    rejections.merge(reason, (long) transactions, Long::sum);
    rejectedCount += transactions;
  }

  /** When transaction {@code j} was handed to the HTTP client ({@link System#nanoTime()}). */
  public long submitNanos(int j) {
    return submitNanos[j];
  }

  public synchronized boolean accepted(int j) {
    return accepted[j];
  }

  public synchronized int acceptedCount() {
    return acceptedCount;
  }

  public synchronized int rejectedCount() {
    return rejectedCount;
  }

  /** Rejected transactions by "code message" (or transport failure). */
  public synchronized Map<String, Long> rejections() {
    return new TreeMap<>(rejections);
  }

  /** The most any batch was handed to the HTTP client after its due instant. */
  public long scheduleLagMaxNanos(long startNanos) {
    OpenLoopSchedule schedule = load.schedule();
    long max = 0;
    for (int batch = 0; batch < schedule.batchCount(); batch++) {
      long sent = submitNanos[schedule.firstTransaction(batch)];
      max = Math.max(max, sent - (startNanos + schedule.dueNanos(batch)));
    }
    return max;
  }

  private int takeUninterruptibly() {
    while (true) {
      try {
        return dueBatches.take();
      } catch (InterruptedException ignored) {
        // The generator is stopped by poison batches, not interrupts.
      }
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the load was running", interrupted);
    }
  }
}
