package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.block.Block;
import io.fiscus.p2p.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BadPeerSyncTest {
  private static final Duration GENEROUS = Duration.ofSeconds(90);

  private final TestNetwork net = new TestNetwork(4);

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void aPeerServingBlocksSealedByNonValidatorsIsPenalizedAndSyncGoesOnWithAnother() {
    String reason =
        syncPastByzantinePeer(
            block ->
                ByzantineBlockServer.resealedBy(
                    block, List.of(TestNetwork.key(10), TestNetwork.key(11), TestNetwork.key(12))));

    assertThat(reason).contains("COMMIT_SEALS_INVALID");
  }

  @Test
  void aPeerServingAValidlySealedBlockWithAWrongStateRootIsPenalizedAndSyncGoesOnWithAnother() {
    String reason =
        syncPastByzantinePeer(
            block -> ByzantineBlockServer.withWrongStateRoot(block, net.validatorKeys()));

    assertThat(reason).contains("STATE_ROOT_MISMATCH");
  }

  @Test
  void aPeerClaimingAHeadItCannotServeDoesNotKeepAValidatorFromVoting() {
    List<TestNode> validators = IntStream.range(0, 4).mapToObj(net::startConnected).toList();
    await().atMost(GENEROUS).until(() -> validators.get(0).head() >= 2);
    TestNode fooled = validators.get(3);
    PeerId liarId = TestNetwork.peerId(21);
    FakePeerNetwork liar = net.hub.join(liarId, () -> 1_000_000);
    liar.setHandler(
        new ByzantineBlockServer(liar, fooled.chain(), UnaryOperator.identity(), 1_000_000));
    liar.start();

    net.hub.connect(fooled.peerId(), liarId);
    long connectedAt = fooled.head();

    await()
        .atMost(GENEROUS)
        .until(
            () ->
                !fooled.driver().syncing()
                    && LongStream.rangeClosed(connectedAt + 1, fooled.head())
                        .anyMatch(number -> fooled.proposerOf(number).equals(fooled.address())));
    liar.stop();
  }

  /** A new full node syncs from an honest validator and a byzantine peer; the penalty's reason. */
  private String syncPastByzantinePeer(UnaryOperator<Block> tamper) {
    List<TestNode> validators = IntStream.range(0, 4).mapToObj(net::startConnected).toList();
    await().atMost(GENEROUS).until(() -> validators.get(0).head() >= 24);
    PeerId byzantineId = TestNetwork.peerId(20);
    FakePeerNetwork byzantine = net.hub.join(byzantineId, () -> validators.get(0).head());
    byzantine.setHandler(new ByzantineBlockServer(byzantine, validators.get(0).chain(), tamper));
    byzantine.start();

    TestNode full = net.start(5);
    net.hub.connect(full.peerId(), byzantineId);
    net.hub.connect(full.peerId(), validators.get(1).peerId());

    await()
        .atMost(GENEROUS)
        .until(
            () ->
                net.hub.penalties().stream()
                    .anyMatch(p -> p.by().equals(full.peerId()) && p.peer().equals(byzantineId)));
    await().atMost(GENEROUS).until(() -> full.head() >= validators.get(0).head() - 1);
    assertThat(full.hashAt(full.head())).isEqualTo(validators.get(0).hashAt(full.head()));
    assertThat(full.network().synchronizer().syncing()).isFalse();
    byzantine.stop();
    return net.hub.penalties().stream()
        .filter(p -> p.peer().equals(byzantineId))
        .findFirst()
        .orElseThrow()
        .reason();
  }
}
