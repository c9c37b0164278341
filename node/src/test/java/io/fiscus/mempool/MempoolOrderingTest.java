package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Nonce queues, pending versus queued, lookups, the availability signal and block selection. */
class MempoolOrderingTest {
  private final PoolFixture fixture = new PoolFixture(5);
  private final Mempool pool = fixture.mempool();

  @Test
  void transactionsBehindANonceGapAreQueuedUntilTheGapCloses() {
    submit(fixture.transfer(1, 0));
    submit(fixture.transfer(1, 2));
    submit(fixture.transfer(1, 3));
    assertCounts(1, 2);
    assertThat(pool.nextNonce(fixture.account(1))).isEqualTo(OptionalLong.of(1));

    submit(fixture.transfer(1, 1));

    assertCounts(4, 0);
    assertThat(pool.nextNonce(fixture.account(1))).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void aSenderWithOnlyQueuedTransactionsHasNoNextNonce() {
    submit(fixture.transfer(2, 1));
    assertCounts(0, 1);
    assertThat(pool.nextNonce(fixture.account(2))).isEmpty();
    assertThat(pool.nextNonce(fixture.account(3))).isEmpty();
  }

  @Test
  void aPooledTransactionIsFoundByItsHash() {
    SignedTransaction transfer = fixture.transfer(1, 0);
    Submission submission = submit(transfer);
    assertThat(submission).isEqualTo(new Submission.Accepted(transfer.hash()));
    assertThat(pool.get(transfer.hash())).contains(transfer);
    assertThat(pool.get(fixture.transfer(1, 1).hash())).isEmpty();
  }

  @Test
  void listenersHearWhenThePendingCountLeavesZeroOnly() {
    AtomicInteger wakeUps = new AtomicInteger();
    pool.onTransactionsAvailable(wakeUps::incrementAndGet);

    submit(fixture.transfer(1, 1)); // queued: nothing to build yet
    assertThat(wakeUps).hasValue(0);
    submit(fixture.transfer(2, 0));
    assertThat(wakeUps).hasValue(1);
    submit(fixture.transfer(3, 0));
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void selectionInterleavesSendersRoundRobinInOrderOfFirstArrival() {
    submit(fixture.transfer(3, 0));
    submit(fixture.transfer(1, 0));
    submit(fixture.transfer(3, 1));
    submit(fixture.transfer(2, 0));
    submit(fixture.transfer(1, 1));
    submit(fixture.transfer(3, 2));

    List<String> order =
        pool.select(Long.MAX_VALUE, 100).stream().map(this::senderAndNonce).toList();

    assertThat(order).containsExactly("3:0", "1:0", "2:0", "3:1", "1:1", "3:2");
  }

  @Test
  void selectionNeverTakesQueuedTransactions() {
    submit(fixture.transfer(1, 0));
    submit(fixture.transfer(1, 2));
    submit(fixture.transfer(2, 1));
    assertThat(pool.select(Long.MAX_VALUE, 100).stream().map(this::senderAndNonce))
        .containsExactly("1:0");
  }

  @Test
  void selectionStopsAtTheCountLimit() {
    for (int nonce = 0; nonce < 3; nonce++) {
      submit(fixture.transfer(1, nonce));
      submit(fixture.transfer(2, nonce));
    }
    assertThat(pool.select(Long.MAX_VALUE, 4).stream().map(this::senderAndNonce))
        .containsExactly("1:0", "2:0", "1:1", "2:1");
    assertThat(pool.select(Long.MAX_VALUE, 0)).isEmpty();
    assertCounts(6, 0);
  }

  @Test
  void selectionPacksByEachTransactionsCostUpToTheGasLimit() {
    SignedTransaction freeze = fixture.freeze(4, 0);
    SignedTransaction transfer = fixture.transfer(1, 0);
    long freezeCost = fixture.executor.gasCost(freeze);
    long transferCost = fixture.executor.gasCost(transfer);
    assertThat(freezeCost).isNotEqualTo(transferCost);
    submit(freeze);
    submit(fixture.freeze(3, 1));
    submit(transfer);
    submit(fixture.transfer(1, 1));

    // Room for one freeze and one transfer: the central bank's second call does not fit, so it
    // stops there, while bank 1 goes on as long as its transfers fit.
    long gas = freezeCost + 2 * transferCost;
    List<String> order = pool.select(gas, 100).stream().map(this::senderAndNonce).toList();

    assertThat(order).containsExactly("0:0", "1:0", "1:1");
    assertThat(pool.select(freezeCost - 1, 100).stream().map(this::senderAndNonce))
        .containsExactly("1:0");
    assertThat(pool.select(transferCost - 1, 100)).isEmpty();
  }

  @Test
  void aTenThousandTransactionSelectionTakesEverySendersRunInOrder() {
    int senders = 250;
    int nonces = 40;
    PoolFixture large = new PoolFixture(senders + 1);
    Mempool bigPool = large.mempool();
    // Submitted nonce-major in reverse, so every run is queued until its nonce 0 arrives last.
    for (int nonce = nonces - 1; nonce >= 0; nonce--) {
      for (int bank = 1; bank <= senders; bank++) {
        assertThat(bigPool.submit(large.transfer(bank, nonce).raw()))
            .isInstanceOf(Submission.Accepted.class);
      }
    }
    assertThat(bigPool.pendingCount()).isEqualTo(senders * nonces);

    List<SignedTransaction> selected = bigPool.select(Long.MAX_VALUE, senders * nonces);

    assertThat(selected).hasSize(senders * nonces);
    for (int i = 0; i < selected.size(); i++) {
      // Round r holds every sender's nonce r, senders in order of first arrival (bank 1 first).
      assertThat(selected.get(i).nonce()).isEqualTo(i / senders);
      assertThat(selected.get(i).sender()).isEqualTo(large.account(1 + i % senders));
    }
  }

  private Submission submit(SignedTransaction transaction) {
    Submission submission = pool.submit(transaction.raw());
    assertThat(submission).isInstanceOf(Submission.Accepted.class);
    return submission;
  }

  private void assertCounts(int pending, int queued) {
    assertThat(pool.pendingCount()).isEqualTo(pending);
    assertThat(pool.queuedCount()).isEqualTo(queued);
    assertThat(fixture.metrics.mempoolPending.get()).isEqualTo(pending);
    assertThat(fixture.metrics.mempoolQueued.get()).isEqualTo(queued);
  }

  private String senderAndNonce(SignedTransaction transaction) {
    for (int i = 0; i < fixture.accountCount; i++) {
      Address account = fixture.account(i);
      if (account.equals(transaction.sender())) {
        return i + ":" + transaction.nonce();
      }
    }
    throw new AssertionError("unknown sender " + transaction.sender());
  }
}
