package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainStore;
import io.fiscus.consensus.qbft.Reason;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.testchain.TestChain;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExecutingBlockTest {
  private static final long NOW_MILLIS = (TestChain.GENESIS_TIMESTAMP + 10) * 1000;

  private final TransferWorkload workload = new TransferWorkload(6);
  private final TestChain test = OneValidator.chain(workload);
  private final ChainStore chain = test.chainStore();
  private final FakePool pool = new FakePool(chain);
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private final NodeMetrics metrics = new NodeMetrics();
  private final VoteTallies tallies = new VoteTallies(chain, 30_000);
  private final ExecutingBlockCreator creator =
      new ExecutingBlockCreator(
          chain,
          pool,
          executor,
          TestChain.GAS_LIMIT,
          ProposalSizer.fixed(Integer.MAX_VALUE),
          tallies,
          new BlockExecutionCache(4),
          metrics);
  private final ChainBlock genesis = ChainBlock.of(test.commitGenesis());
  private final Validators validators = Validators.of(List.of(OneValidator.VALIDATOR));

  /** A validator with its own cache, so it really executes what the creator built. */
  private ExecutingBlockValidator freshValidator() {
    return new ExecutingBlockValidator(
        chain,
        executor,
        TransferWorkload.CHAIN_ID,
        OneValidator.config(100),
        () -> NOW_MILLIS,
        new BlockExecutionCache(4),
        metrics);
  }

  private ChainBlock build() {
    return creator.createBlock(
        genesis, 0, TestChain.GENESIS_TIMESTAMP + 1, OneValidator.VALIDATOR, Optional.empty());
  }

  @Test
  void aBlockTheCreatorBuildsIsValidAndCarriesThePooledTransfers() {
    List<SignedTransaction> transfers = workload.transfers(20);
    pool.add(transfers);

    ChainBlock block = build();
    BlockCheck check = freshValidator().check(block, genesis, validators);

    assertThat(check).isInstanceOf(BlockCheck.Accepted.class);
    assertThat(block.block().transactions())
        .containsExactlyElementsOf(transfers.stream().map(SignedTransaction::raw).toList());
    assertThat(block.header().gasUsed()).isPositive();
    assertThat(block.extraData().validators()).containsExactly(OneValidator.VALIDATOR);
    assertThat(block.proposer()).isEqualTo(OneValidator.VALIDATOR);
    assertThat(block.header().parentHash()).isEqualTo(genesis.hash());
    assertThat(freshValidator().validate(block, genesis, validators)).isEqualTo(Validation.valid());
  }

  @Test
  void aProposalHoldsAtMostTheConfiguredNumberOfTransactions() {
    List<SignedTransaction> transfers = workload.transfers(10);
    pool.add(transfers);
    ExecutingBlockCreator capped =
        new ExecutingBlockCreator(
            chain,
            pool,
            executor,
            TestChain.GAS_LIMIT,
            ProposalSizer.fixed(3),
            tallies,
            new BlockExecutionCache(4),
            metrics);

    ChainBlock block =
        capped.createBlock(
            genesis, 0, TestChain.GENESIS_TIMESTAMP + 1, OneValidator.VALIDATOR, Optional.empty());

    assertThat(block.block().transactions())
        .containsExactlyElementsOf(
            transfers.subList(0, 3).stream().map(SignedTransaction::raw).toList());
  }

  @Test
  void theCreatorLeavesOutATransactionTheExecutorRefusesAndTheSendersLaterOnes() {
    List<SignedTransaction> transfers = new ArrayList<>(workload.transfers(10));
    SignedTransaction nonceGap = workload.transfer(1, 2, 5, 7);
    SignedTransaction replay = transfers.get(0);
    transfers.add(2, nonceGap);
    pool.add(transfers);
    pool.add(List.of(replay));

    ChainBlock block = build();

    assertThat(block.block().transactions()).doesNotContain(nonceGap.raw());
    assertThat(freshValidator().check(block, genesis, validators))
        .isInstanceOf(BlockCheck.Accepted.class);
  }

  @Test
  void tamperedRootsGasAndTransactionsAreInvalidWithTheirReason() {
    pool.add(workload.transfers(8));
    ChainBlock block = build();
    Hash other = Hash.fromHex("0x" + "11".repeat(32));

    assertRejected(withHeader(block, h -> stateRoot(h, other)), BlockRejection.STATE_ROOT_MISMATCH);
    assertRejected(
        withHeader(block, h -> receiptsRoot(h, other)), BlockRejection.RECEIPTS_ROOT_MISMATCH);
    assertRejected(
        withHeader(block, h -> gasUsed(h, h.gasUsed() - 1)), BlockRejection.GAS_USED_MISMATCH);
    List<Bytes> swapped = new ArrayList<>(block.block().transactions());
    swapped.add(0, swapped.remove(1));
    assertRejected(
        ChainBlock.of(new Block(block.header(), swapped)),
        BlockRejection.TRANSACTIONS_ROOT_MISMATCH);
    List<Bytes> garbled = new ArrayList<>(block.block().transactions());
    garbled.set(3, Bytes.fromHex("0x02c0"));
    assertRejected(
        ChainBlock.of(new Block(block.header(), garbled)), BlockRejection.TRANSACTION_REJECTED);
  }

  @Test
  void headerRulesComeBeforeExecution() {
    ChainBlock block = build();

    assertRejected(
        withHeader(block, h -> timestamp(h, NOW_MILLIS / 1000 + 60)),
        BlockRejection.TIMESTAMP_IN_FUTURE);
    assertRejected(
        withHeader(block, h -> timestamp(h, TestChain.GENESIS_TIMESTAMP - 1)),
        BlockRejection.TIMESTAMP_BEFORE_PARENT);
    assertThat(
            freshValidator()
                .check(
                    block, genesis, Validators.of(List.of(OneValidator.VALIDATOR, Address.ZERO))))
        .isEqualTo(
            new BlockCheck.Rejected(
                BlockRejection.WRONG_VALIDATORS,
                "extraData lists ["
                    + OneValidator.VALIDATOR
                    + "], expected ["
                    + Address.ZERO
                    + ", "
                    + OneValidator.VALIDATOR
                    + "]"));
    assertRejected(
        block.withCommitSeals(
            List.of(
                new io.fiscus.crypto.Signature(
                    java.math.BigInteger.ONE, java.math.BigInteger.ONE, 0))),
        BlockRejection.CARRIES_SEALS);
    Validation wrongHeight = freshValidator().validate(block, block, validators);
    assertThat(wrongHeight).isInstanceOf(Validation.Invalid.class);
    assertThat(((Validation.Invalid) wrongHeight).reason()).isEqualTo(Reason.WRONG_HEIGHT);
  }

  @Test
  void aBlockWhoseParentIsNotTheHeadIsInvalid() {
    ChainBlock block = build();
    ExecutedBlock executed = ((BlockCheck.Accepted) freshValidator().execute(block)).executed();
    chain.commit(
        new io.fiscus.chain.CommittedBlock(
            block.hash(), block.block(), executed.transactions(), executed.outcomes()),
        executed.changes(),
        executed.trie());

    assertThat(freshValidator().execute(block))
        .isInstanceOf(BlockCheck.Rejected.class)
        .extracting(check -> ((BlockCheck.Rejected) check).reason())
        .isEqualTo(BlockRejection.PARENT_NOT_HEAD);
    assertThatThrownBy(this::build).isInstanceOf(IllegalStateException.class);
  }

  private void assertRejected(ChainBlock block, BlockRejection reason) {
    BlockCheck check = freshValidator().check(block, genesis, validators);
    assertThat(check).isInstanceOf(BlockCheck.Rejected.class);
    assertThat(((BlockCheck.Rejected) check).reason()).as(check.toString()).isEqualTo(reason);
  }

  private static ChainBlock withHeader(ChainBlock block, UnaryOperator<BlockHeader> change) {
    return ChainBlock.of(new Block(change.apply(block.header()), block.block().transactions()));
  }

  private static BlockHeader stateRoot(BlockHeader h, Hash root) {
    return copy(h, root, h.receiptsRoot(), h.gasUsed(), h.timestamp());
  }

  private static BlockHeader receiptsRoot(BlockHeader h, Hash root) {
    return copy(h, h.stateRoot(), root, h.gasUsed(), h.timestamp());
  }

  private static BlockHeader gasUsed(BlockHeader h, long gasUsed) {
    return copy(h, h.stateRoot(), h.receiptsRoot(), gasUsed, h.timestamp());
  }

  private static BlockHeader timestamp(BlockHeader h, long timestamp) {
    return copy(h, h.stateRoot(), h.receiptsRoot(), h.gasUsed(), timestamp);
  }

  private static BlockHeader copy(
      BlockHeader h, Hash stateRoot, Hash receiptsRoot, long gasUsed, long timestamp) {
    return BlockHeader.qbft(
        h.parentHash(),
        h.coinbase(),
        stateRoot,
        h.transactionsRoot(),
        receiptsRoot,
        h.logsBloom(),
        h.number(),
        h.gasLimit(),
        gasUsed,
        timestamp,
        QbftExtraDataCodec.encode(QbftExtraDataCodec.decode(h.extraData())));
  }
}
