package io.fiscus.it.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offers pre-signed transactions at a fixed rate whatever the nodes do (open loop: a slow node does
 * not slow the offer, so latency is not hidden by coordinated omission), in JSON-RPC batches of
 * {@code eth_sendRawTransaction}, each batch to the next node in turn. Records when each
 * transaction was handed over.
 */
final class OpenLoopSubmitter {
  private static final long TICK_NANOS = 10_000_000L;
  private static final int BATCH_MAX = 250;

  private final List<ClusterNode> nodes;
  private final List<String> signed;
  private final long ratePerSecond;
  private final long[] submittedNanos;
  private final AtomicLong errors = new AtomicLong();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  OpenLoopSubmitter(List<ClusterNode> nodes, List<String> signed, long ratePerSecond) {
    this.nodes = List.copyOf(nodes);
    this.signed = signed;
    this.ratePerSecond = ratePerSecond;
    this.submittedNanos = new long[signed.size()];
  }

  /** Offers everything, then waits for the last answers. */
  void run() {
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long start = System.nanoTime();
    int cursor = 0;
    int batchNumber = 0;
    while (cursor < signed.size()) {
      long elapsed = System.nanoTime() - start;
      int due = (int) Math.min(signed.size(), elapsed * ratePerSecond / 1_000_000_000L);
      while (cursor < due) {
        int end = Math.min(due, cursor + BATCH_MAX);
        ClusterNode node = nodes.get(batchNumber++ % nodes.size());
        long now = System.nanoTime();
        for (int i = cursor; i < end; i++) {
          submittedNanos[i] = now;
        }
        inFlight.add(send(node, cursor, end));
        cursor = end;
      }
      inFlight.removeIf(CompletableFuture::isDone);
      Cluster.sleep(TICK_NANOS / 1_000_000);
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
  }

  private CompletableFuture<?> send(ClusterNode node, int from, int to) {
    StringBuilder body = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.append(',');
      }
      body.append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"")
          .append(signed.get(i))
          .append("\"]}");
    }
    body.append(']');
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.process().rpcUrl()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure != null || response.statusCode() != 200) {
                errors.addAndGet(to - from);
              } else {
                errors.addAndGet(countErrors(response.body()));
              }
              return null;
            });
  }

  private static int countErrors(String body) {
    int count = 0;
    for (int at = body.indexOf("\"error\""); at >= 0; at = body.indexOf("\"error\"", at + 1)) {
      count++;
    }
    return count;
  }

  long[] submittedNanos() {
    return submittedNanos;
  }

  long errors() {
    return errors.get();
  }
}
