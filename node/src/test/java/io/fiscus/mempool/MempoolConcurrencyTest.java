package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.chain.CommittedBlock;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Several threads submit while blocks are selected and committed: every accepted transaction ends
 * in exactly one block, every duplicate is refused, and the counts add up.
 */
class MempoolConcurrencyTest {
  private static final int SUBMITTERS = 4;
  private static final int NONCES_PER_SENDER = 40;
  private static final int SHARED = 20;

  private final PoolFixture fixture = new PoolFixture(SUBMITTERS + 1);
  private final Mempool pool = fixture.mempool();

  @Test
  void concurrentSubmittersAndACommitterKeepThePoolConsistent() throws Exception {
    // Each submitter owns one bank's transactions; all of them also race on the central bank's
    // (reverting, but valid) transfers, which only one may get in.
    List<SignedTransaction> shared = new ArrayList<>();
    for (int nonce = 0; nonce < SHARED; nonce++) {
      shared.add(fixture.workload.transfer(0, 1, 1, nonce));
    }
    List<List<SignedTransaction>> owned = new ArrayList<>();
    for (int bank = 1; bank <= SUBMITTERS; bank++) {
      List<SignedTransaction> own = new ArrayList<>();
      for (int nonce = 0; nonce < NONCES_PER_SENDER; nonce++) {
        own.add(fixture.transfer(bank, nonce));
      }
      owned.add(own);
    }
    Set<Hash> accepted = ConcurrentHashMap.newKeySet();
    Map<PoolRejection, Integer> refusals = new ConcurrentHashMap<>();
    Set<Hash> included = ConcurrentHashMap.newKeySet();
    AtomicBoolean submitting = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);

    ExecutorService threads = Executors.newFixedThreadPool(SUBMITTERS + 1);
    try {
      List<Future<?>> submitters = new ArrayList<>();
      for (List<SignedTransaction> own : owned) {
        submitters.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < NONCES_PER_SENDER; i++) {
                    record(pool.submit(own.get(i).raw()), accepted, refusals);
                    if (i < SHARED) {
                      record(pool.submit(shared.get(i).raw()), accepted, refusals);
                    }
                  }
                  return null;
                }));
      }
      Future<?> committer =
          threads.submit(
              () -> {
                start.await();
                while (submitting.get()) {
                  if (commitSelection(included, 25) == 0) {
                    Thread.sleep(1); // nothing pending yet: do not spin on empty blocks
                  }
                }
                return null;
              });
      start.countDown();
      for (Future<?> submitter : submitters) {
        submitter.get(60, TimeUnit.SECONDS);
      }
      submitting.set(false);
      committer.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    while (pool.pendingCount() > 0) {
      commitSelection(included, 1_000);
    }

    int total = SUBMITTERS * NONCES_PER_SENDER + SHARED;
    assertThat(accepted).hasSize(total);
    assertThat(included).isEqualTo(accepted);
    assertThat(refusals.keySet())
        .isSubsetOf(PoolRejection.KNOWN_TRANSACTION, PoolRejection.NONCE_TOO_LOW);
    assertThat(refusals.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((SUBMITTERS - 1) * SHARED);
    assertThat(pool.pendingCount()).isZero();
    assertThat(pool.queuedCount()).isZero();
    assertThat(fixture.evicted()).isZero();
    assertThat(fixture.metrics.mempoolPending.get()).isZero();
    assertThat(fixture.state().nonce(fixture.account(0))).isEqualTo(SHARED);
  }

  private int commitSelection(Set<Hash> included, int countMax) {
    List<SignedTransaction> selected = pool.select(PoolFixture.BLOCK_GAS_LIMIT, countMax);
    CommittedBlock block = fixture.commit(selected);
    pool.onBlockCommitted(block);
    for (SignedTransaction transaction : selected) {
      assertThat(included.add(transaction.hash())).as("included once").isTrue();
    }
    return selected.size();
  }

  private static void record(
      Submission submission, Set<Hash> accepted, Map<PoolRejection, Integer> refusals) {
    switch (submission) {
      case Submission.Accepted(Hash hash) -> assertThat(accepted.add(hash)).isTrue();
      case Submission.Rejected rejected -> refusals.merge(rejected.reason(), 1, Integer::sum);
    }
  }
}
