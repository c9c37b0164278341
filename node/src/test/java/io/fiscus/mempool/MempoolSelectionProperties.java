package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever the submission order, gaps and limits: pending counts match the contiguous runs, and a
 * selection is a valid block of per-sender contiguous runs within the gas and count limits that
 * stops a sender only when its next transaction does not fit.
 */
class MempoolSelectionProperties {
  private static final int SENDERS = 5; // the central bank (account 0) and banks 1..4
  private static final int NONCES = 8;
  private static final PoolFixture FIXTURE = new PoolFixture(SENDERS);

  /** Pre-signed once: index = sender * NONCES + nonce. */
  private static final List<SignedTransaction> TRANSACTIONS = signAll();

  private static List<SignedTransaction> signAll() {
    List<SignedTransaction> all = new ArrayList<>();
    for (int sender = 0; sender < SENDERS; sender++) {
      for (int nonce = 0; nonce < NONCES; nonce++) {
        // Costs differ within a sender's run (a freeze call costs more than a transfer), so a
        // selection that skipped a transaction too costly for the gas left could take a later
        // one and leave a gap. Only the central bank's freezes succeed; the rest revert, validly.
        boolean freeze = (sender + nonce) % 3 == 0;
        all.add(
            freeze
                ? FIXTURE.freezeBy(sender, 4, nonce)
                : FIXTURE.workload.transfer(sender, 1 + sender % (SENDERS - 1), 1, nonce));
      }
    }
    return all;
  }

  @Provide
  Arbitrary<List<Integer>> submissions() {
    return Arbitraries.integers().between(0, SENDERS * NONCES - 1).list().ofMaxSize(50);
  }

  @Property(tries = 100)
  void selectionIsAValidGaplessBlockWithinItsLimits(
      @ForAll("submissions") List<Integer> submissions,
      @ForAll @LongRange(min = 0, max = 600_000) long gasLimit,
      @ForAll @IntRange(min = 0, max = 40) int countMax) {
    Mempool pool = FIXTURE.mempool();
    Set<Integer> distinct = new HashSet<>();
    for (int index : submissions) {
      Submission submission = pool.submit(TRANSACTIONS.get(index).raw());
      assertThat(submission instanceof Submission.Accepted)
          .as(submission.toString())
          .isEqualTo(distinct.add(index));
    }
    int[] runs = contiguousRuns(distinct);
    int pending = 0;
    for (int run : runs) {
      pending += run;
    }
    assertThat(pool.pendingCount()).isEqualTo(pending);
    assertThat(pool.queuedCount()).isEqualTo(distinct.size() - pending);

    List<SignedTransaction> selected = pool.select(gasLimit, countMax);

    assertThat(selected.size()).isLessThanOrEqualTo(countMax);
    long gasUsed = selected.stream().mapToLong(FIXTURE.executor::gasCost).sum();
    assertThat(gasUsed).isLessThanOrEqualTo(gasLimit);
    Map<Address, Long> nextNonce = new HashMap<>();
    for (SignedTransaction transaction : selected) {
      long expected = nextNonce.getOrDefault(transaction.sender(), 0L);
      assertThat(transaction.nonce()).as("no gap, in nonce order").isEqualTo(expected);
      nextNonce.put(transaction.sender(), expected + 1);
    }
    if (selected.size() < countMax) {
      // Every sender left out of the rest of its run stopped because its next did not fit.
      for (int sender = 0; sender < SENDERS; sender++) {
        long taken = nextNonce.getOrDefault(FIXTURE.account(sender), 0L);
        if (taken < runs[sender]) {
          SignedTransaction next = TRANSACTIONS.get(sender * NONCES + (int) taken);
          assertThat(FIXTURE.executor.gasCost(next)).isGreaterThan(gasLimit - gasUsed);
        }
      }
    }
    BlockContext block = new BlockContext(1, 1_700_000_000L, Math.max(gasLimit, 1));
    assertThat(FIXTURE.executor.execute(FIXTURE.state(), block, selected))
        .isInstanceOf(BlockExecution.Executed.class);
  }

  private static int[] contiguousRuns(Set<Integer> submitted) {
    int[] runs = new int[SENDERS];
    for (int sender = 0; sender < SENDERS; sender++) {
      while (runs[sender] < NONCES && submitted.contains(sender * NONCES + runs[sender])) {
        runs[sender]++;
      }
    }
    return runs;
  }
}
