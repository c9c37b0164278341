package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.LONG;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a validator under load: the other three keep finalizing; restarted, it catches
 * up, proposes again, and no block or receipt a client saw finalized changes anywhere. The default
 * run crashes one validator; {@code -Dfiscus.longTests=true} crashes each in turn.
 */
class ValidatorCrashIT {

  @Test
  void chainKeepsFinalizingWithoutAKilledValidatorWhichCatchesUpAndSealsAgain(@TempDir Path dir) {
    try (Cluster cluster = Cluster.builder().validators(4).blockPeriodMillis(250).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(2, FIRST_BLOCKS);
            FinalizedLedger ledger = new FinalizedLedger(cluster::validators, 0);
            ledger.start();
            try {
              try (ClusterLoad load =
                  new ClusterLoad(
                      cluster::validators,
                      cluster.network().chainId,
                      List.of(
                          cluster.network().account("bank-a"), cluster.network().account("bank-b")),
                      40)) {
                load.start();
                List<Integer> victims = LONG ? List.of(0, 1, 2, 3) : List.of(2);
                for (int victim : victims) {
                  crashAndRecover(cluster, ledger, victim);
                }
              }
              long height = cluster.node(0).head().number();
              cluster.awaitAllAtLeast(height, RECOVERY);
            } finally {
              ledger.close();
            }
            assertThat(ledger.transactions()).as("transactions finalized under load").isPositive();
            cluster.assertAgreeAt(cluster.commonHeight());
            ledger.assertNothingLost(cluster);
          });
    }
  }

  private static void crashAndRecover(Cluster cluster, FinalizedLedger ledger, int victim) {
    ClusterNode crashed = cluster.node(victim);
    ClusterNode witness = cluster.node((victim + 1) % 4);
    cluster.awaitHeight(witness, witness.head().number() + 3, RECOVERY);
    cluster.kill9(victim);
    long atCrash = witness.head().number();
    // Three of four is a quorum: blocks go on, and the proposer rotation skips the dead one by
    // round change whenever it is its turn.
    cluster.awaitHeight(witness, atCrash + 8, RECOVERY);

    cluster.start(victim);
    long othersHead = witness.head().number();
    cluster.awaitHeight(crashed, othersHead, RECOVERY);
    cluster.assertAgreeAt(othersHead);
    long restartedAt = othersHead;
    cluster.await(
        crashed.name() + " to propose a block again after its restart",
        RECOVERY,
        () -> ledger.proposedAbove(crashed.address(), restartedAt).isPresent());
  }
}
