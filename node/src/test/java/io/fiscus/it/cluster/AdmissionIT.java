package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.it.TestNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may join: a node of another network (allowlisted, so only its genesis is wrong) and a node
 * whose key is on no allowlist both dial every validator, and both are refused: they never count a
 * peer, no validator lists them, and the validators count and log why. Forged and replayed hellos
 * need a client speaking the p2p frame format over TLS: the p2p layer's own tests drive one
 * (HandshakeRefusalTest), so they are not repeated here.
 */
class AdmissionIT {

  @Test
  void nodesWithAnotherGenesisOrAnUnlistedKeyAreRefused(@TempDir Path dir) {
    TestNetwork other = TestNetwork.generate(dir.resolve("other"), 1, 250);
    Path otherGenesis = other.directory.resolve("genesis.json");
    try (Cluster cluster =
        Cluster.builder()
            .validators(4)
            .blockPeriodMillis(250)
            .fullNodes(1)
            .fullNodeGenesis(0, otherGenesis)
            .build(dir.resolve("cluster"))) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(2, FIRST_BLOCKS);
            cluster.await(
                "the validators to connect to each other",
                RECOVERY,
                () -> cluster.validators().stream().allMatch(v -> v.peerCount() == 3));

            ClusterNode wrongGenesis = cluster.fullNodes().get(0);
            cluster.start(List.of(wrongGenesis));
            ClusterNode unlisted =
                cluster.startOutsider(
                    "unlisted", cluster.network().directory.resolve("genesis.json"));

            // Long enough for several dials each way (both outsiders list every validator, and the
            // validators dial the allowlisted one).
            Cluster.sleep(8_000);
            for (ClusterNode refused : List.of(wrongGenesis, unlisted)) {
              assertThat(refused.peerCount()).as("%s's peers", refused.name()).isZero();
              for (ClusterNode validator : cluster.validators()) {
                assertThat(validator.peerPublicKeys())
                    .as("%s's admin_peers", validator.name())
                    .doesNotContain(refused.publicKeyHex())
                    .hasSize(3);
              }
            }
            assertThat(wrongGenesis.head().number()).isZero();
            assertRefusalRecorded(cluster, wrongGenesis, "wrong_genesis");
            assertRefusalRecorded(cluster, unlisted, "not_allowlisted");
          });
    }
  }

  /**
   * The validators record the refusal for the expected reason: the counter {@code
   * fiscus_p2p_refused_total{reason="..."}} is above zero on some validator, and some validator's
   * log has a "Refused peer" line with that reason. (The reason labels are the p2p layer's
   * RefusalReason names, lower case.)
   */
  private static void assertRefusalRecorded(Cluster cluster, ClusterNode refused, String reason) {
    String counter = "fiscus_p2p_refused_total{reason=\"" + reason + "\"}";
    List<String> counted = new ArrayList<>();
    List<String> logged = new ArrayList<>();
    for (ClusterNode validator : cluster.validators()) {
      validator
          .metrics()
          .lines()
          .filter(line -> line.startsWith(counter + " ") && !line.endsWith(" 0.0"))
          .forEach(line -> counted.add(validator.name() + ": " + line));
      validator
          .process()
          .log()
          .lines()
          .filter(line -> line.contains("Refused peer") && line.contains(reason))
          .forEach(line -> logged.add(validator.name() + ": " + line));
    }
    assertThat(counted)
        .as("validators counting %s's refusal as %s", refused.name(), reason)
        .isNotEmpty();
    assertThat(logged)
        .as("validators logging %s's refusal as %s", refused.name(), reason)
        .isNotEmpty();
  }
}
