package io.fiscus.consensus.qbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cost of consensus on a calm network: virtual time and messages per finalized block, and core CPU
 * time per block. Run with {@code -Dtest=QbftSimulationBenchmark -Dsim.bench=true}; the figures go
 * in BENCHMARKS.md. The only assertion is the protocol's O(n²) message bound.
 */
@EnabledIfSystemProperty(named = "sim.bench", matches = "true")
class QbftSimulationBenchmark {
  private static final int BLOCKS = 100;

  @Test
  void messagesPerBlockGrowQuadraticallyWithTheValidatorCount() {
    // Warm the JIT so the first configuration is not charged for it.
    new Simulation(new SimConfig(4, List.of(), 0, 0, 0, false, false, BLOCKS), 1).run();
    System.out.println(
        "| n | virtual ms/block | messages/block | messages/block/n² | core CPU µs/block (all nodes) |");
    System.out.println("|---|---|---|---|---|");
    for (int n : new int[] {4, 7, 10, 16}) {
      SimResult result =
          new Simulation(new SimConfig(n, List.of(), 0, 0, 0, false, false, BLOCKS), 1).run();
      long blocks = result.minimumHonestHeight();
      double perBlock = (double) result.messagesDelivered() / blocks;
      System.out.printf(
          "| %d | %d | %.1f | %.2f | %d |%n",
          n,
          result.virtualMillis() / blocks,
          perBlock,
          perBlock / (n * n),
          result.coreNanos() / 1_000 / blocks);
      assertThat(result.ok()).isTrue();
      // One proposal to n-1 peers, then every node's prepare and commit to n-1 peers: 3n² - ...
      assertThat(perBlock).isLessThanOrEqualTo(3.0 * n * n);
    }
  }
}
