package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.state.StateView;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a committed block does to the pool: inclusion, eviction, frozen senders, closed gaps. */
class MempoolBlockTest {
  private final PoolFixture fixture = new PoolFixture(5);
  private final Set<Address> nonceReads = ConcurrentHashMap.newKeySet();
  private final Mempool pool =
      new Mempool(
          MempoolConfig.defaults(),
          PoolFixture.CHAIN_ID,
          PoolFixture.BLOCK_GAS_LIMIT,
          () -> new NonceReadRecorder(fixture.state()),
          fixture.executor,
          fixture.metrics);

  @Test
  void selectedTransactionsExecuteAsABlockAndLeaveThePoolWithoutCountingAsEvictions() {
    submit(fixture.transfer(1, 0), fixture.transfer(1, 1), fixture.transfer(2, 0));
    SignedTransaction later = fixture.transfer(2, 1);

    List<SignedTransaction> selected = pool.select(PoolFixture.BLOCK_GAS_LIMIT, 2);
    pool.onBlockCommitted(fixture.commit(selected));
    submit(later);

    assertThat(selected).extracting(SignedTransaction::nonce).containsExactly(0L, 0L);
    assertThat(selected).allMatch(t -> pool.get(t.hash()).isEmpty());
    assertCounts(2, 0);
    assertThat(fixture.evicted()).isZero();
    assertThat(pool.select(PoolFixture.BLOCK_GAS_LIMIT, 10))
        .containsExactly(fixture.transfer(1, 1), later);
  }

  @Test
  void aPooledTransactionWhoseNonceABlockConsumedIsEvicted() {
    SignedTransaction pooledFirst = fixture.transfer(1, 0, 1);
    submit(pooledFirst, fixture.transfer(1, 1), fixture.transfer(1, 3));

    // Another node's transaction with the same nonce made it into the block instead.
    pool.onBlockCommitted(fixture.commit(List.of(fixture.transfer(1, 0, 5))));

    assertThat(pool.get(pooledFirst.hash())).isEmpty();
    assertThat(fixture.evicted()).isEqualTo(1);
    assertCounts(1, 1);
    assertThat(pool.nextNonce(fixture.account(1))).hasValue(2);
  }

  @Test
  void aBlockThatClosesASendersNonceGapMakesItsQueueExecutableAndWakesListeners() {
    AtomicInteger wakeUps = new AtomicInteger();
    pool.onTransactionsAvailable(wakeUps::incrementAndGet);
    submit(fixture.transfer(1, 1), fixture.transfer(1, 2));
    assertCounts(0, 2);

    pool.onBlockCommitted(fixture.commit(List.of(fixture.transfer(1, 0))));

    assertCounts(2, 0);
    assertThat(wakeUps).hasValue(1);
    assertThat(pool.select(PoolFixture.BLOCK_GAS_LIMIT, 10))
        .extracting(SignedTransaction::nonce)
        .containsExactly(1L, 2L);
  }

  @Test
  void aSenderFrozenByABlockLosesEveryPooledTransaction() {
    submit(fixture.transfer(2, 0), fixture.transfer(2, 1), fixture.transfer(2, 3));
    submit(fixture.transfer(3, 0));

    pool.onBlockCommitted(fixture.commit(List.of(fixture.freeze(2, 0))));

    assertThat(fixture.evicted()).isEqualTo(3);
    assertCounts(1, 0);
    assertThat(pool.get(fixture.transfer(2, 0).hash())).isEmpty();
    assertThat(pool.nextNonce(fixture.account(2))).isEmpty();
    assertThat(pool.select(PoolFixture.BLOCK_GAS_LIMIT, 10))
        .containsExactly(fixture.transfer(3, 0));
  }

  @Test
  void aBlockWithoutRegistryCallsRereadsOnlyTheStateOfItsOwnSenders() {
    submit(fixture.transfer(1, 0), fixture.transfer(2, 0), fixture.transfer(3, 0));
    nonceReads.clear();

    pool.onBlockCommitted(fixture.commit(List.of(fixture.transfer(1, 0))));

    assertThat(nonceReads).containsExactly(fixture.account(1));
  }

  @Test
  void aBlockWithARegistryCallRechecksEverySenderWithPooledTransactions() {
    submit(fixture.transfer(1, 0), fixture.transfer(2, 0), fixture.transfer(3, 0));
    nonceReads.clear();

    pool.onBlockCommitted(fixture.commit(List.of(fixture.freeze(4, 0))));

    assertThat(nonceReads)
        .containsExactlyInAnyOrder(fixture.account(1), fixture.account(2), fixture.account(3));
    assertCounts(3, 0);
    assertThat(fixture.evicted()).isZero();
  }

  private void submit(SignedTransaction... transactions) {
    for (SignedTransaction transaction : transactions) {
      assertThat(pool.submit(transaction.raw())).isInstanceOf(Submission.Accepted.class);
    }
  }

  private void assertCounts(int pending, int queued) {
    assertThat(pool.pendingCount()).isEqualTo(pending);
    assertThat(pool.queuedCount()).isEqualTo(queued);
    assertThat(fixture.metrics.mempoolPending.get()).isEqualTo(pending);
    assertThat(fixture.metrics.mempoolQueued.get()).isEqualTo(queued);
  }

  /** The latest state, noting whose nonce the pool reads. */
  private final class NonceReadRecorder implements StateView {
    private final StateView state;

    NonceReadRecorder(StateView state) {
      this.state = state;
    }

    @Override
    public long nonce(Address account) {
      nonceReads.add(account);
      return state.nonce(account);
    }

    @Override
    public Optional<Bytes> storage(Address contract, Hash slot) {
      return state.storage(contract, slot);
    }
  }
}
