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
 * The harness itself, on a one-validator cluster that needs no p2p: the empty-block period it
 * writes into the genesis makes blocks without transactions, its load is finalized, and its ledger
 * of finalized blocks and receipts survives a {@code kill -9} and restart.
 */
class ClusterHarnessIT {

  @Test
  void harnessDrivesLoadAndChecksFinalityAcrossAKill9(@TempDir Path dir) {
    try (Cluster cluster = Cluster.builder().validators(1).blockPeriodMillis(250).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            ClusterNode node = cluster.node(0);
            // No transaction yet: only the empty-block period can make these.
            cluster.awaitHeight(node, 4, FIRST_BLOCKS);
            assertThat(node.blockAt(1).miner()).isEqualTo(node.address());

            FinalizedLedger ledger = new FinalizedLedger(cluster::validators, 0);
            ledger.start();
            try {
              try (ClusterLoad load =
                  new ClusterLoad(
                      cluster::validators,
                      cluster.network().chainId,
                      List.of(cluster.network().account("bank-a")),
                      30)) {
                load.start();
                cluster.await("load to be finalized", RECOVERY, () -> ledger.transactions() > 20);
                cluster.kill9(0);
                cluster.start(0);
                long head = node.head().number();
                cluster.awaitHeight(node, head + 4, RECOVERY);
                long before = ledger.transactions();
                cluster.await(
                    "load to resume after the restart",
                    RECOVERY,
                    () -> ledger.transactions() > before + 20);
              }
            } finally {
              ledger.close();
            }
            assertThat(ledger.blocks()).isNotEmpty();
            ledger.assertNothingLost(cluster);
            assertThat(cluster.assertAgreeAt(cluster.commonHeight()).miner())
                .isEqualTo(node.address());
          });
    }
  }
}
