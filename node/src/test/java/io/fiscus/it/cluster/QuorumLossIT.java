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
 * Two of four validators down is below QBFT's quorum of three: the two left make no block and do
 * not fork; one brought back restores the quorum and blocks resume on the same chain.
 */
class QuorumLossIT {

  @Test
  void twoOfFourDownHaltsWithoutForkingAndOneBackResumes(@TempDir Path dir) {
    try (Cluster cluster = Cluster.builder().validators(4).blockPeriodMillis(250).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(3, FIRST_BLOCKS);
            ClusterNode left1 = cluster.node(0);
            ClusterNode left2 = cluster.node(1);

            cluster.kill9(2);
            cluster.stop(3);
            // A block whose commits were already sent may still land; let it.
            Cluster.sleep(2_000);
            cluster.await(
                "the two left to settle on one head",
                RECOVERY,
                () -> left1.head().sameBlockAs(left2.head()));
            Head halted = left1.head();

            // Sixteen block periods and past the first round timeout: still no block.
            Cluster.sleep(6_000);
            assertThat(left1.head()).as("validator1 without quorum").isEqualTo(halted);
            assertThat(left2.head()).as("validator2 without quorum").isEqualTo(halted);
            cluster.assertAgreeFromTo(1, halted.number());

            cluster.start(3);
            cluster.awaitAllAtLeast(halted.number() + 3, RECOVERY);
            assertThat(cluster.alive()).hasSize(3);
            long height = cluster.commonHeight();
            cluster.assertAgreeFromTo(1, height);
            assertThat(cluster.alive().stream().map(ClusterNode::name).toList())
                .isEqualTo(List.of("validator1", "validator2", "validator4"));
          });
    }
  }
}
