package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopAgainstFakeNodeTest {

  @Test
  void everyAcceptedTransactionIsStampedFinalAndRefusalsAreCountedByCodeAndMessage()
      throws Exception {
    List<PrivateKey> keys = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keys.add(LoadRun.senderKey(i));
      senders.add(Secp256k1.address(keys.get(i)));
    }
    OpenLoopSchedule schedule = new OpenLoopSchedule(2_000, 1, 100);
    PresignedLoad load =
        PresignedLoad.sign(schedule, new Transactions(1337), keys, senders, new long[20]);

    try (FakeNode node = new FakeNode(10)) {
      JsonRpcClient rpc = new JsonRpcClient(node.uri());
      FinalityPoller poller = new FinalityPoller(rpc, load, 5);
      LoadGenerator generator = new LoadGenerator(List.of(rpc), load, 2);
      poller.start();
      long start = System.nanoTime();
      generator.run(start);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (poller.finalizedCount() < generator.acceptedCount() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      poller.stop();

      assertThat(generator.acceptedCount()).isEqualTo(1_800);
      assertThat(generator.rejectedCount()).isEqualTo(200);
      assertThat(generator.rejections()).containsEntry("-32000 Transaction pool is full", 200L);
      assertThat(poller.finalizedCount()).isEqualTo(1_800);
      for (int j = 0; j < schedule.totalTransactions(); j++) {
        assertThat(generator.submitNanos(j)).isGreaterThanOrEqualTo(start);
        if (generator.accepted(j)) {
          assertThat(poller.finalizedNanos(j)).isGreaterThan(generator.submitNanos(j));
        } else {
          assertThat(poller.finalizedNanos(j)).isZero();
        }
      }
      // Open loop: the last batch is not sent before its due instant.
      assertThat(generator.submitNanos(1_999) - start)
          .isGreaterThanOrEqualTo(schedule.dueNanos(19));
    }
  }
}
