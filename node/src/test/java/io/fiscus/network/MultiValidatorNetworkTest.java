package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
}
