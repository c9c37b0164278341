package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.p2p.MessageType;
import io.fiscus.tx.SignedTransaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MultiValidatorNetworkTest {
  private static final Duration GENEROUS = Duration.ofSeconds(90);

  private final TestNetwork net = new TestNetwork(4);

  @AfterEach
  void stop() {
    net.close();
  }

  private List<TestNode> startValidators(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(net::startConnected).toList();
  }

  @Test
  void fourValidatorsFinalizeTheSameChainWithTransfersSubmittedToOneNode() {
    List<TestNode> nodes = startValidators(4);
    List<SignedTransaction> transfers = net.transfers(60);

    nodes.get(0).submit(transfers);

    await().atMost(GENEROUS).until(() -> nodes.stream().allMatch(n -> n.hasCommitted(transfers)));
    long common = nodes.stream().mapToLong(TestNode::head).min().orElseThrow();
    for (TestNode node : nodes) {
      assertThat(node.hashAt(common)).isEqualTo(nodes.get(0).hashAt(common));
      assertThat(node.chain().header(common).orElseThrow().stateRoot())
          .isEqualTo(nodes.get(0).chain().header(common).orElseThrow().stateRoot());
      assertThat(node.driver().halted()).isEmpty();
    }
    // Every validator proposed some block: the transfers did not depend on node 0 alone.
    await()
        .atMost(GENEROUS)
        .until(
            () -> {
              TestNode first = nodes.get(0);
              return nodes.stream()
                  .allMatch(
                      n ->
                          java.util.stream.LongStream.rangeClosed(1, first.head())
                              .anyMatch(number -> first.proposerOf(number).equals(n.address())));
            });
  }

  @Test
  void aNodeStartedLateCatchesUpBySyncAndThenSeals() {
    List<TestNode> first = startValidators(3);
    await().atMost(GENEROUS).until(() -> first.get(0).head() >= 12);

    TestNode late = net.startConnected(3);

    await().atMost(GENEROUS).until(() -> late.head() >= first.get(0).head() - 1);
    long caughtUpAt = late.head();
    assertThat(late.hashAt(caughtUpAt)).isEqualTo(first.get(0).hashAt(caughtUpAt));
    await()
        .atMost(GENEROUS)
        .until(
            () ->
                java.util.stream.LongStream.rangeClosed(caughtUpAt + 1, first.get(0).head())
                    .anyMatch(number -> first.get(0).proposerOf(number).equals(late.address())));
    assertThat(late.driver().syncing()).isFalse();
    assertThat(late.driver().halted()).isEmpty();
  }

  @Test
  void aFullNodeFollowsTheChainAndForwardsTransactionsToTheValidators() {
    List<TestNode> validators = startValidators(4);
    TestNode full = net.start(4);
    net.hub.connect(full.peerId(), validators.get(0).peerId());
    List<SignedTransaction> transfers = net.transfers(25);

    full.submit(transfers);

    await()
        .atMost(GENEROUS)
        .until(
            () ->
                full.hasCommitted(transfers)
                    && validators.stream().allMatch(v -> v.hasCommitted(transfers)));
    assertThat(full.driver().isValidator()).isFalse();
    long common = Math.min(full.head(), validators.get(3).head());
    assertThat(full.hashAt(common)).isEqualTo(validators.get(3).hashAt(common));
    for (long number = 1; number <= full.head(); number++) {
      assertThat(full.proposerOf(number)).isNotEqualTo(full.address());
    }
  }

  @Test
  void aValidatorCutOffFallsBehindAndCatchesUpWhenHealed() {
    List<TestNode> nodes = startValidators(4);
    await().atMost(GENEROUS).until(() -> nodes.get(3).head() >= 2);
    TestNode cut = nodes.get(3);
    net.hub.dropWhen((from, to, type) -> from.equals(cut.peerId()) || to.equals(cut.peerId()));
    long headWhenCut = cut.head();

    await().atMost(GENEROUS).until(() -> nodes.get(0).head() >= headWhenCut + 8);
    assertThat(cut.head()).isLessThan(nodes.get(0).head() - 4);

    net.hub.heal();
    List<SignedTransaction> transfers = net.transfers(10);
    cut.submit(transfers);

    await().atMost(GENEROUS).until(() -> nodes.stream().allMatch(n -> n.hasCommitted(transfers)));
    await().atMost(GENEROUS).until(() -> cut.head() >= nodes.get(0).head() - 1);
    long common = cut.head();
    assertThat(cut.hashAt(common)).isEqualTo(nodes.get(0).hashAt(common));
    assertThat(cut.driver().halted()).isEmpty();
  }

  @Test
  void aValidatorThatHearsNoConsensusMessagesStillFollowsTheChainBySync() {
    List<TestNode> nodes = startValidators(4);
    TestNode deaf = nodes.get(3);
    net.hub.dropWhen((from, to, type) -> to.equals(deaf.peerId()) && type == MessageType.QBFT);
    List<SignedTransaction> transfers = net.transfers(20);

    nodes.get(0).submit(transfers);

    await().atMost(GENEROUS).until(() -> deaf.hasCommitted(transfers));
    await().atMost(GENEROUS).until(() -> deaf.head() >= nodes.get(0).head() - 1);
    assertThat(deaf.hashAt(deaf.head())).isEqualTo(nodes.get(0).hashAt(deaf.head()));
  }

  @Test
  void aTransactionReachesEveryPoolAndEachNodeSendsItToEachPeerAtMostOnce() {
    List<TestNode> nodes = startValidators(4);
    java.util.concurrent.atomic.AtomicInteger frames =
        new java.util.concurrent.atomic.AtomicInteger();
    net.hub.dropWhen(
        (from, to, type) -> {
          if (type == MessageType.TRANSACTIONS) {
            frames.incrementAndGet();
          }
          return false;
        });
    List<SignedTransaction> one = net.transfers(1);

    nodes.get(2).submit(one);

    await().atMost(GENEROUS).until(() -> nodes.stream().allMatch(n -> n.hasCommitted(one)));
    await().during(Duration.ofSeconds(1)).atMost(GENEROUS).until(() -> frames.get() <= 4 * 3);
    assertThat(frames.get()).isGreaterThanOrEqualTo(3);
  }
}
