package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsensusDriverTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final TransferWorkload workload = new TransferWorkload(8);
  private final FakeChain chain = new FakeChain();
  private final FakePool pool = new FakePool(chain);
  private final FakeKeyValueStore store = new FakeKeyValueStore();
  private final NodeMetrics metrics = new NodeMetrics();
  private final List<ConsensusDriver> started = new ArrayList<>();

  ConsensusDriverTest() {
    TestChain.commitGenesis(chain, workload, List.of(TestChain.VALIDATOR));
  }

  @AfterEach
  void stopDrivers() {
    started.forEach(ConsensusDriver::stop);
  }

  private ConsensusDriver start(QbftConfig config, OptionalLong emptyBlockPeriodMillis) {
    ConsensusDriver driver =
        new ConsensusDriver(
            new ConsensusSettings(
                config,
                TransferWorkload.CHAIN_ID,
                TestChain.GAS_LIMIT,
                emptyBlockPeriodMillis,
                1024),
            TestChain.NODE_KEY,
            chain,
            chain,
            pool,
            new BlockExecutor(new SystemContracts()),
            store,
            ConsensusGossip.none(),
            Secp256k1.recovery(),
            metrics,
            System::currentTimeMillis);
    started.add(driver);
    driver.start();
    return driver;
  }

  /** {@code count} transfers continuing from each payer's committed nonce. */
  private List<SignedTransaction> transfers(int count) {
    int payers = 7;
    long[] nonces = new long[payers + 1];
    for (int payer = 1; payer <= payers; payer++) {
      nonces[payer] = chain.latestState().nonce(workload.account(payer));
    }
    List<SignedTransaction> transfers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int from = 1 + i % payers;
      transfers.add(workload.transfer(from, 1 + (i + 1) % payers, 1 + i, nonces[from]++));
    }
    return transfers;
  }

  private boolean allCommitted(List<SignedTransaction> transactions) {
    return transactions.stream().allMatch(tx -> chain.transactionLocation(tx.hash()).isPresent());
  }

  @Test
  void aSingleValidatorCommitsPooledTransfersAndResumesFromTheHeadAfterARestart() {
    ConsensusDriver driver = start(TestChain.config(100), OptionalLong.empty());
    List<SignedTransaction> first = transfers(60);
    pool.add(first);

    await().atMost(GENEROUS).until(() -> allCommitted(first));
    assertThat(driver.isValidator()).isTrue();
    assertThat(driver.halted()).isEmpty();
    for (long number = 1; number <= chain.headNumber(); number++) {
      for (TransactionOutcome outcome : chain.outcomes(number)) {
        assertThat(outcome.receipt().success()).isTrue();
      }
    }
    driver.stop();
    long headBefore = chain.headNumber();
    assertThat(metrics.blocks.get()).isEqualTo((double) headBefore);
    assertThat(metrics.transactions.get()).isEqualTo(60);

    ConsensusDriver restarted = start(TestChain.config(100), OptionalLong.empty());
    List<SignedTransaction> second = transfers(30);
    pool.add(second);

    await().atMost(GENEROUS).until(() -> allCommitted(second));
    assertThat(chain.headNumber()).isGreaterThan(headBefore);
    assertThat(restarted.halted()).isEmpty();
    assertThat(store.size(io.fiscus.storage.Column.CONSENSUS)).isPositive();
  }

  @Test
  void withoutAnEmptyBlockPeriodTheChainWaitsForTransactions() {
    start(TestChain.config(100), OptionalLong.empty());
    List<SignedTransaction> batch = transfers(5);
    pool.add(batch);
    await().atMost(GENEROUS).until(() -> allCommitted(batch));
    long head = chain.headNumber();

    await().during(Duration.ofSeconds(1)).atMost(GENEROUS).until(() -> chain.headNumber() == head);
    for (long number = 1; number <= head; number++) {
      assertThat(chain.block(number).orElseThrow().transactions()).isNotEmpty();
    }

    List<SignedTransaction> later = transfers(3);
    pool.add(later);
    await().atMost(GENEROUS).until(() -> allCommitted(later));
  }

  @Test
  void withAnEmptyBlockPeriodOfZeroEmptyBlocksComeAtTheBlockPeriod() {
    start(TestChain.config(100), OptionalLong.of(0));

    await().atMost(GENEROUS).until(() -> chain.headNumber() >= 3);
    for (long number = 1; number <= 3; number++) {
      assertThat(chain.block(number).orElseThrow().transactions()).isEmpty();
    }
  }

  @Test
  void aVotedInValidatorJoinsTheSetAndWithoutItTheChainChangesRounds() {
    ConsensusDriver driver = start(QbftConfig.of(100, 200), OptionalLong.of(0));
    Address candidate = workload.account(3);
    driver.proposeValidatorVote(candidate, true);
    assertThat(driver.pendingVotes()).containsEntry(candidate, true);

    // One validator is a majority of one: the first block carrying the vote adds the candidate,
    // from the next height on (whose header would list both).
    await()
        .atMost(GENEROUS)
        .until(() -> VoteTallies.replay(chain, 30_000).validators().contains(candidate));
    assertThat(driver.isValidator()).isTrue();
    assertThat(validatorsInHead()).containsExactly(TestChain.VALIDATOR);
    // Two validators, one running: no quorum, so rounds time out and change.
    await().atMost(GENEROUS).until(() -> metrics.roundChanges.get() > 0);
    driver.discardValidatorVote(candidate);
    assertThat(driver.pendingVotes()).isEmpty();
  }

  private List<Address> validatorsInHead() {
    BlockHeader head = chain.headHeader();
    return QbftExtraDataCodec.decode(head.extraData()).validators();
  }
}
