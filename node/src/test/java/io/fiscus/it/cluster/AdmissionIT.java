package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.it.TestNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may join: a node of another network (allowlisted, so only its genesis is wrong) and a node
 * whose key is on no allowlist both dial every validator, and both are refused: they never count a
 * peer, no validator lists them, and the validators record why. A forged hello (a valid TLS session
 * whose hello is signed by another key, or replayed from another session) needs a client speaking
 * the p2p frame format and is left to the p2p layer's own tests.
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
            assertRefusalRecorded(cluster, wrongGenesis, "genesis");
            assertRefusalRecorded(cluster, unlisted, "allow");
          });
    }
  }

  /**
   * Some validator's log names the refused node (by public key prefix or address) on a line that
   * says why, or its metrics count a refusal for that reason.
   */
  private static void assertRefusalRecorded(Cluster cluster, ClusterNode refused, String reason) {
    String keyPrefix = refused.publicKeyHex().substring(0, 16);
    List<String> evidence = new ArrayList<>();
    for (ClusterNode validator : cluster.validators()) {
      for (String line : validator.process().log().lines().toList()) {
        String lower = line.toLowerCase(Locale.ROOT);
        boolean names = lower.contains(keyPrefix) || lower.contains(refused.address().substring(2));
        if (names && lower.contains(reason)) {
          evidence.add(validator.name() + " log: " + line);
        }
      }
      for (String line : validator.metrics().lines().toList()) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (!line.startsWith("#")
            && lower.contains("p2p")
            && lower.contains(reason)
            && !lower.endsWith(" 0.0")) {
          evidence.add(validator.name() + " metric: " + line);
        }
      }
    }
    assertThat(evidence)
        .as(
            "a validator's log line or metric recording %s's refusal for '%s'",
            refused.name(), reason)
        .isNotEmpty();
  }
}
