package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator-set changes by header votes, end to end: a permissioned full node voted in by a
 * majority of the validators ({@code qbft_proposeValidatorVote}) joins the set and starts sealing;
 * a validator voted out leaves it and stops proposing while the chain goes on.
 */
class ValidatorVoteIT {

  @Test
  void fullNodeVotedInStartsSealingAndValidatorVotedOutStops(@TempDir Path dir) {
    try (Cluster cluster =
        Cluster.builder().validators(4).blockPeriodMillis(250).fullNodes(1).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.start(cluster.nodes());
            cluster.awaitAllAtLeast(2, FIRST_BLOCKS);
            ClusterNode newcomer = cluster.node(4);
            ClusterNode leaving = cluster.node(3);
            ClusterNode observer = cluster.node(0);

            // Added when more than half of the 4 validators' blocks vote for it: 3 voters.
            List<ClusterNode> addVoters = cluster.validators().subList(0, 3);
            vote(addVoters, newcomer.address(), true);
            cluster.await(
                newcomer.name() + " among the validators",
                RECOVERY,
                () -> validators(observer).contains(newcomer.address()));
            long joinedAt = observer.head().number();
            discard(addVoters, newcomer.address());
            awaitProposes(cluster, observer, newcomer, joinedAt);
            assertThat(validators(newcomer)).hasSize(5).contains(newcomer.address());

            // Removed when more than half of the 5 vote against it: 3 voters, the newcomer one.
            List<ClusterNode> removeVoters = List.of(cluster.node(0), cluster.node(1), newcomer);
            vote(removeVoters, leaving.address(), false);
            cluster.await(
                leaving.name() + " out of the validators",
                RECOVERY,
                () -> !validators(observer).contains(leaving.address()));
            long leftAt = observer.head().number();
            discard(removeVoters, leaving.address());
            assertThat(validators(observer)).hasSize(4);

            // Two full proposer rotations after it left: none of those blocks is its.
            long until = leftAt + 10;
            cluster.awaitHeight(observer, until, RECOVERY);
            for (long n = leftAt + 1; n <= until; n++) {
              assertThat(observer.blockAt(n).miner())
                  .as("coinbase of block %d, after %s left", n, leaving.name())
                  .isNotEqualTo(leaving.address());
            }
            // Off the validator set it is off the allowlist too (ADR 0010): its peers drop it and
            // it follows no more unless the permissions file lists it. The rest must agree.
            cluster.stop(3);
            cluster.awaitAllAtLeast(until, RECOVERY);
            cluster.assertAgreeFromTo(1, until);
          });
    }
  }

  private static void vote(List<ClusterNode> voters, String candidate, boolean add) {
    for (ClusterNode voter : voters) {
      JsonNode accepted = voter.rpc().result("qbft_proposeValidatorVote", candidate, add);
      assertThat(accepted.asBoolean()).as("%s's vote", voter.name()).isTrue();
    }
  }

  private static void discard(List<ClusterNode> voters, String candidate) {
    for (ClusterNode voter : voters) {
      voter.rpc().result("qbft_discardValidatorVote", candidate);
    }
  }

  private static List<String> validators(ClusterNode node) {
    List<String> addresses = new ArrayList<>();
    for (JsonNode address : node.rpc().result("qbft_getValidatorsByBlockNumber", "latest")) {
      addresses.add(address.asText().toLowerCase(Locale.ROOT));
    }
    return addresses;
  }

  private static void awaitProposes(
      Cluster cluster, ClusterNode observer, ClusterNode proposer, long fromHeight) {
    cluster.await(
        proposer.name() + " to propose a block",
        RECOVERY,
        () -> {
          long head = observer.head().number();
          for (long n = fromHeight + 1; n <= head; n++) {
            if (observer.blockAt(n).miner().equals(proposer.address())) {
              return true;
            }
          }
          return false;
        });
  }
}
