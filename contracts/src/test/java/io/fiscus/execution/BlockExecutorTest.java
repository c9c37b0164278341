package io.fiscus.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.block.ReceiptCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {
  private static final BlockContext BLOCK = new BlockContext(1, 1_700_000_000L, 30_000_000L);
  private final TransferWorkload workload = new TransferWorkload(5);
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());

  @Test
  void transfersApplyInOrderAndConsumeTheirFixedGas() {
    List<SignedTransaction> transactions = workload.transfers(8);
    BlockExecution.Executed executed = executed(workload.genesis(1_000), transactions);

    assertThat(executed.outcomes()).allMatch(outcome -> outcome.receipt().success());
    long cost = executor.gasCost(transactions.get(0));
    assertThat(executed.gasUsed()).isEqualTo(8 * cost);
    assertThat(executed.outcomes().get(7).receipt().cumulativeGasUsed()).isEqualTo(8 * cost);
    assertThat(executed.changes().nonce(workload.account(1))).isEqualTo(2);
    assertThat(executed.logsBloom().isEmpty()).isFalse();
    assertThat(executed.transactionsRoot()).isNotEqualTo(Hash.EMPTY_TRIE);
  }

  @Test
  void aRevertedTransferConsumesTheNonceAndChangesNothingElse() {
    MemoryState genesis = workload.genesis(10);
    SignedTransaction overdraft = workload.transfer(1, 2, 11, 0);
    BlockExecution.Executed executed = executed(genesis, List.of(overdraft));

    TransactionOutcome outcome = executed.outcomes().get(0);
    assertThat(outcome.receipt().success()).isFalse();
    assertThat(outcome.revertReason()).contains("insufficient balance");
    assertThat(outcome.receipt().logs()).isEmpty();
    assertThat(executed.changes().sortedStorageWrites()).isEmpty();
    assertThat(executed.changes().sortedNonces()).containsEntry(workload.account(1), 1L);
  }

  @Test
  void aReplayedNonceMakesTheBlockInvalid() {
    SignedTransaction first = workload.transfer(1, 2, 1, 0);
    SignedTransaction replay = workload.transfer(1, 3, 1, 0);
    assertThat(executor.execute(workload.genesis(10), BLOCK, List.of(first, replay)))
        .isEqualTo(
            new BlockExecution.Invalid(
                1, InvalidTransaction.NONCE_TOO_LOW, "nonce 0, account's next nonce 1"));
  }

  @Test
  void aNonceGapMakesTheBlockInvalid() {
    BlockExecution result =
        executor.execute(workload.genesis(10), BLOCK, List.of(workload.transfer(1, 2, 1, 1)));
    assertThat(result).isInstanceOf(BlockExecution.Invalid.class);
    assertThat(((BlockExecution.Invalid) result).reason()).isEqualTo(InvalidTransaction.NONCE_GAP);
  }

  @Test
  void aTransactionThatDoesNotFitTheBlockGasLimitMakesTheBlockInvalid() {
    List<SignedTransaction> transactions = workload.transfers(3);
    long cost = executor.gasCost(transactions.get(0));
    BlockContext small = new BlockContext(1, BLOCK.timestampSeconds(), 2 * cost);
    BlockExecution result = executor.execute(workload.genesis(10), small, transactions);
    assertThat(result).isInstanceOf(BlockExecution.Invalid.class);
    BlockExecution.Invalid invalid = (BlockExecution.Invalid) result;
    assertThat(invalid.index()).isEqualTo(2);
    assertThat(invalid.reason()).isEqualTo(InvalidTransaction.BLOCK_GAS_LIMIT_EXCEEDED);
  }

  @Test
  void aGasLimitBelowTheFunctionCostMakesTheBlockInvalid() {
    SignedTransaction transfer = workload.transfer(1, 2, 1, 0);
    assertThat(executor.gasCost(transfer)).isGreaterThan(SystemContracts.BASE_GAS);
    BlockExecution result =
        executor.execute(workload.genesis(10), BLOCK, List.of(withGasLimit(transfer, 21_000)));
    assertThat(((BlockExecution.Invalid) result).reason())
        .isEqualTo(InvalidTransaction.INTRINSIC_GAS_TOO_LOW);
  }

  @Test
  void executingTheSameBlockTwiceFromFreshCopiesGivesIdenticalReceiptsAndStateRoot() {
    MemoryState genesis = workload.genesis(500);
    List<SignedTransaction> transactions = new ArrayList<>(workload.transfers(200));
    transactions.add(workload.transfer(1, 2, 1_000_000, 50)); // reverts: insufficient balance

    BlockExecution.Executed first = executed(genesis.copy(), transactions);
    BlockExecution.Executed second = executed(genesis.copy(), transactions);

    assertThat(storedReceipts(second)).isEqualTo(storedReceipts(first));
    assertThat(second.receiptsRoot()).isEqualTo(first.receiptsRoot());
    assertThat(stateRoot(second)).isEqualTo(stateRoot(first));
    assertThat(first.outcomes().get(200).receipt().success()).isFalse();
  }

  private BlockExecution.Executed executed(MemoryState state, List<SignedTransaction> txs) {
    BlockExecution result = executor.execute(state, BLOCK, txs);
    assertThat(result).isInstanceOf(BlockExecution.Executed.class);
    return (BlockExecution.Executed) result;
  }

  private static List<Bytes> storedReceipts(BlockExecution.Executed executed) {
    return executed.outcomes().stream().map(ReceiptCodec::encodeForStorage).toList();
  }

  /** The root of the block's net writes: equal roots mean byte-equal state changes. */
  private static Hash stateRoot(BlockExecution.Executed executed) {
    return new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE)
        .apply(executed.changes())
        .root();
  }

  private SignedTransaction withGasLimit(SignedTransaction tx, long gasLimit) {
    var unsigned = tx.unsigned();
    var lowered =
        io.fiscus.tx.UnsignedTransaction.eip1559(
            unsigned.chainId().orElseThrow(),
            unsigned.nonce(),
            unsigned.maxPriorityFeePerGas(),
            unsigned.maxFeePerGas(),
            gasLimit,
            unsigned.to(),
            unsigned.value(),
            unsigned.data(),
            unsigned.accessList());
    return io.fiscus.tx.TransactionSigner.withDefaultSigner().sign(lowered, workload.key(1));
  }
}
