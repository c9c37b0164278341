package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator cut off from the other three by the harness's TCP proxies: the three keep a quorum
 * and go on, the lone one cannot finalize alone, and once healed it catches up to the same chain.
 * Done twice: a partition the nodes notice (connections closed and refused) and a silent one (links
 * up, no byte moving).
 */
class PartitionIT {

  @Test
  void isolatedValidatorFallsBehindAndCatchesUpAfterHealing(@TempDir Path dir) {
    try (Cluster cluster =
        Cluster.builder().validators(4).blockPeriodMillis(250).proxied().build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(3, FIRST_BLOCKS);
            try (ClusterLoad load =
                new ClusterLoad(
                    () -> List.of(cluster.node(0), cluster.node(1), cluster.node(2)),
                    cluster.network().chainId,
                    List.of(cluster.network().account("bank-a")),
                    20)) {
              load.start();

              partitionAndHeal(cluster, 3, true);
              partitionAndHeal(cluster, 1, false);
            }
            long height = cluster.commonHeight();
            cluster.assertAgreeFromTo(1, height);
          });
    }
  }

  private static void partitionAndHeal(Cluster cluster, int isolated, boolean cut) {
    ClusterNode lone = cluster.node(isolated);
    ClusterNode other = cluster.node((isolated + 1) % 4);
    if (cut) {
      cluster.cutOff(isolated);
      cluster.await(lone.name() + " to lose its peers", RECOVERY, () -> lone.peerCount() == 0);
    } else {
      cluster.stall(isolated);
    }
    long loneAtCut = lone.head().number();
    long othersAtCut = other.head().number();
    cluster.awaitHeight(other, othersAtCut + 12, RECOVERY);
    // Without the others it has no quorum: at most a block whose commits were in flight.
    assertThat(lone.head().number())
        .as("%s's head while isolated", lone.name())
        .isLessThanOrEqualTo(loneAtCut + 1);

    cluster.heal(isolated);
    long othersHead = other.head().number();
    cluster.awaitHeight(lone, othersHead, RECOVERY);
    cluster.assertAgreeAt(othersHead);
    cluster.await(lone.name() + " to be connected again", RECOVERY, () -> lone.peerCount() == 3);
  }
}
