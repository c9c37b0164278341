package io.fiscus.it.cluster;

import java.time.Duration;

/** What the cluster tests share: the long-run switch and failures that carry the nodes' logs. */
final class ClusterTests {
  /** {@code -Dfiscus.longTests=true}: the thorough variants (every validator in turn, etc.). */
  static final boolean LONG = Boolean.getBoolean("fiscus.longTests");

  /** How long a cluster may take to make its first blocks (four JVMs start on two cores). */
  static final Duration FIRST_BLOCKS = Duration.ofSeconds(90);

  /** How long a node may take to catch up or the chain to move on after a fault. */
  static final Duration RECOVERY = Duration.ofSeconds(60);

  private ClusterTests() {}

  /** A test body that may throw. */
  interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body}; a failure carries every node's head and log tail. */
  static void diagnosed(Cluster cluster, Body body) {
    try {
      body.run();
    } catch (Throwable failure) {
      String diagnostics;
      try {
        diagnostics = cluster.diagnostics();
      } catch (RuntimeException e) {
        diagnostics = "(no diagnostics: " + e + ")";
      }
      throw new AssertionError(failure.getMessage() + "\n" + diagnostics, failure);
    }
  }
}
