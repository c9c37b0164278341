package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.block.Block;
import io.fiscus.chain.ChainStore;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.testchain.TestChain;
import io.fiscus.tx.SignedTransaction;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsensusDriverSyncTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final TransferWorkload workload = new TransferWorkload(8);
  private final List<ConsensusDriver> started = new ArrayList<>();

  @AfterEach
  void stopDrivers() {
    started.forEach(ConsensusDriver::stop);
  }

  private ConsensusDriver start(ChainStore chain, FakePool pool) {
    return start(chain, pool, false);
  }

  /** Starts a driver, already syncing if {@code syncing} (so it builds no block of its own). */
  private ConsensusDriver start(ChainStore chain, FakePool pool, boolean syncing) {
    ConsensusDriver driver =
        new ConsensusDriver(
            new ConsensusSettings(
                OneValidator.config(100),
                TransferWorkload.CHAIN_ID,
                TestChain.GAS_LIMIT,
                OptionalLong.of(0),
                1024),
            OneValidator.NODE_KEY,
            chain,
            chain,
            pool,
            new BlockExecutor(new SystemContracts()),
            new MemoryKeyValueStore(),
            ConsensusGossip.none(),
            Secp256k1.recovery(),
            new NodeMetrics(),
            System::currentTimeMillis);
    started.add(driver);
    driver.setSyncing(syncing);
    driver.start();
    return driver;
  }

  private ChainStore newChain() {
    TestChain chain = OneValidator.chain(workload);
    chain.commitGenesis();
    return chain.chainStore();
  }

  private static SyncImport importSynced(ConsensusDriver driver, List<ChainBlock> blocks)
      throws Exception {
    CompletableFuture<SyncImport> outcome = new CompletableFuture<>();
    driver.importSynced(blocks, outcome::complete);
    return outcome.get(30, TimeUnit.SECONDS);
  }

  private static List<ChainBlock> blocks(ChainStore chain, long from, long to) {
    List<ChainBlock> blocks = new ArrayList<>();
    for (long number = from; number <= to; number++) {
      blocks.add(ChainBlock.of(chain.block(number).orElseThrow()));
    }
    return blocks;
  }

  @Test
  void whileSyncingTheDriverProposesNothingAndResumesWhenCaughtUp() {
    ChainStore chain = newChain();
    ConsensusDriver driver = start(chain, new FakePool(chain));
    await().atMost(GENEROUS).until(() -> chain.headNumber() >= 2);

    driver.setSyncing(true);
    long held = chain.headNumber() + 1; // a block already under way may still finish
    assertThat(driver.syncing()).isTrue();
    await().during(Duration.ofSeconds(1)).atMost(GENEROUS).until(() -> chain.headNumber() <= held);

    driver.setSyncing(false);
    await().atMost(GENEROUS).until(() -> chain.headNumber() >= held + 2);
  }

  @Test
  void blocksSealedElsewhereImportInOrderAndTheCoreGoesOnFromThem() throws Exception {
    ChainStore source = newChain();
    FakePool sourcePool = new FakePool(source);
    ConsensusDriver producer = start(source, sourcePool);
    List<SignedTransaction> transfers = workload.transfers(20);
    sourcePool.add(transfers);
    await().atMost(GENEROUS).until(() -> source.headNumber() >= 6);
    producer.stop();

    ChainStore target = newChain();
    ConsensusDriver follower = start(target, new FakePool(target), true);
    SyncImport outcome = importSynced(follower, blocks(source, 1, 6));

    assertThat(outcome).isEqualTo(new SyncImport.Imported(6));
    assertThat(target.header(6)).isEqualTo(source.header(6));
    assertThat(target.outcomes(6)).isEqualTo(source.outcomes(6));
    assertThat(importSynced(follower, blocks(source, 5, 6)))
        .as("blocks the chain has are skipped")
        .isEqualTo(new SyncImport.Imported(6));
    follower.setSyncing(false);
    await().atMost(GENEROUS).until(() -> target.headNumber() >= 8);
  }

  @Test
  void aSyncedBlockSealedByAStrangerIsRejectedAndNothingIsCommitted() throws Exception {
    ChainStore source = newChain();
    ConsensusDriver producer = start(source, new FakePool(source));
    await().atMost(GENEROUS).until(() -> source.headNumber() >= 3);
    producer.stop();
    ChainStore target = newChain();
    ConsensusDriver follower = start(target, new FakePool(target), true);
    Block honest = source.block(1).orElseThrow();
    PrivateKey stranger = new PrivateKey(BigInteger.valueOf(0xbad));
    Signature seal = Secp256k1.signer().sign(ChainBlock.of(honest).commitSealHash(), stranger);
    ChainBlock forged = ChainBlock.of(honest).withCommitSeals(List.of(seal));

    SyncImport outcome = importSynced(follower, List.of(forged));

    assertThat(outcome).isInstanceOf(SyncImport.Rejected.class);
    assertThat(((SyncImport.Rejected) outcome).reason())
        .isEqualTo(BlockRejection.COMMIT_SEALS_INVALID);
    assertThat(target.headNumber()).isZero();
  }
}
