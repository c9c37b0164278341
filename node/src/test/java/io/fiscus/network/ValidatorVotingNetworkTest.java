package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.SealerRecovery;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidatorVotingNetworkTest {
  private static final Duration GENEROUS = Duration.ofMinutes(2);

  private final TestNetwork net = new TestNetwork(4);

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void aNodeVotedInStartsSealingAndAValidatorVotedOutStops() {
    List<TestNode> nodes = IntStream.range(0, 5).mapToObj(net::startConnected).toList();
    TestNode candidate = nodes.get(4);
    TestNode leaving = nodes.get(3);
    assertThat(candidate.driver().isValidator()).isFalse();

    nodes.subList(0, 4).forEach(n -> n.driver().proposeValidatorVote(candidate.address(), true));
    await()
        .atMost(GENEROUS)
        .until(() -> nodes.get(0).validatorsAt(nodes.get(0).head()).contains(candidate.address()));
    nodes.subList(0, 4).forEach(n -> n.driver().discardValidatorVote(candidate.address()));
    long addedAt = nodes.get(0).head();
    await().atMost(GENEROUS).until(() -> proposedAfter(nodes.get(0), addedAt, candidate.address()));
    assertThat(candidate.driver().isValidator()).isTrue();
    await().atMost(GENEROUS).until(() -> sealedAfter(nodes.get(0), addedAt, candidate.address()));

    List.of(0, 1, 2, 4)
        .forEach(i -> nodes.get(i).driver().proposeValidatorVote(leaving.address(), false));
    await()
        .atMost(GENEROUS)
        .until(() -> !nodes.get(0).validatorsAt(nodes.get(0).head()).contains(leaving.address()));
    long removedAt = nodes.get(0).head();
    await().atMost(GENEROUS).until(() -> nodes.get(0).head() >= removedAt + 10);

    assertThat(leaving.driver().isValidator()).isFalse();
    assertThat(proposedAfter(nodes.get(0), removedAt, leaving.address())).isFalse();
    assertThat(sealedAfter(nodes.get(0), removedAt, leaving.address())).isFalse();
    assertThat(leaving.head()).isGreaterThanOrEqualTo(removedAt);
  }

  private static boolean proposedAfter(TestNode node, long after, Address proposer) {
    return LongStream.rangeClosed(after + 1, node.head())
        .anyMatch(number -> node.proposerOf(number).equals(proposer));
  }

  private static boolean sealedAfter(TestNode node, long after, Address sealer) {
    return LongStream.rangeClosed(after + 1, node.head())
        .anyMatch(
            number ->
                QbftBlockHashing.recoverSealers(
                            node.chain().header(number).orElseThrow(), Secp256k1.recovery())
                        instanceof SealerRecovery.Recovered recovered
                    && recovered.sealers().contains(sealer));
  }
}
