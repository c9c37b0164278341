package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateView;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A genesis of registered accounts (account 0 the central bank, the others banks with balances), an
 * unregistered outsider key, a chain that executes and commits blocks into the latest state, and
 * signed transactions for them.
 */
final class PoolFixture {
  static final long CHAIN_ID = TransferWorkload.CHAIN_ID;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long GAS_LIMIT = TransferWorkload.GAS_LIMIT_PER_TRANSFER;
  static final PrivateKey OUTSIDER = new PrivateKey(BigInteger.valueOf(0xbad_0001L));
  private static final TransactionSigner SIGNER = TransactionSigner.withDefaultSigner();
  private static final Bytes FREEZE =
      AbiSignatures.selectorBytes(AbiSignatures.selector("freeze(address,string)"));

  final TransferWorkload workload;
  final int accountCount;
  final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  final NodeMetrics metrics = new NodeMetrics();

  /** Replaced, never mutated, on each commit, so other threads may read it. */
  private volatile MemoryState state;

  private Hash head = Hash.ZERO;
  private long height;

  PoolFixture(int accountCount) {
    this.accountCount = accountCount;
    this.workload = new TransferWorkload(accountCount);
    this.state = workload.genesis(1_000_000_000L);
  }

  StateView state() {
    return state;
  }

  Mempool mempool(MempoolConfig config) {
    return new Mempool(config, CHAIN_ID, BLOCK_GAS_LIMIT, this::state, executor, metrics);
  }

  Mempool mempool() {
    return mempool(MempoolConfig.defaults());
  }

  Address account(int index) {
    return workload.account(index);
  }

  /** A transfer of {@code amount} from bank {@code from} (1..n-1) to another bank. */
  SignedTransaction transfer(int from, long nonce, long amount) {
    return workload.transfer(from, 1 + from % (accountCount - 1), amount, nonce);
  }

  SignedTransaction transfer(int from, long nonce) {
    return transfer(from, nonce, 1);
  }

  /** A call to the Token contract with the given fields, signed by {@code key}. */
  static SignedTransaction tokenCall(PrivateKey key, long chainId, long nonce, long gasLimit) {
    Bytes data =
        AbiSignatures.selectorBytes(AbiSignatures.selector("transfer(address,uint256)"))
            .concat(new AbiWriter(2).address(Secp256k1.address(key)).uint(1).toBytes());
    return SIGNER.sign(
        UnsignedTransaction.eip1559(
            chainId,
            nonce,
            BigInteger.ZERO,
            BigInteger.ZERO,
            gasLimit,
            Optional.of(SystemAddresses.TOKEN),
            BigInteger.ZERO,
            data,
            List.of()),
        key);
  }

  /** The central bank (account 0) freezes account {@code target}. */
  SignedTransaction freeze(int target, long nonce) {
    return freezeBy(0, target, nonce);
  }

  /** Account {@code signer} calls freeze on {@code target} (reverting unless the central bank). */
  SignedTransaction freezeBy(int signer, int target, long nonce) {
    Bytes data =
        FREEZE.concat(new AbiWriter(2).address(account(target)).string("court order").toBytes());
    return SIGNER.sign(
        UnsignedTransaction.eip1559(
            CHAIN_ID,
            nonce,
            BigInteger.ZERO,
            BigInteger.ZERO,
            GAS_LIMIT,
            Optional.of(SystemAddresses.REGISTRY),
            BigInteger.ZERO,
            data,
            List.of()),
        workload.key(signer));
  }

  /**
   * Executes {@code transactions} on the latest state, commits the result and returns the block.
   */
  synchronized CommittedBlock commit(List<SignedTransaction> transactions) {
    BlockContext context = new BlockContext(height + 1, 1_700_000_000L + height, BLOCK_GAS_LIMIT);
    BlockExecution execution = executor.execute(state, context, transactions);
    assertThat(execution).isInstanceOf(BlockExecution.Executed.class);
    BlockExecution.Executed executed = (BlockExecution.Executed) execution;
    MemoryState next = state.copy();
    next.apply(executed.changes());
    BlockHeader header =
        BlockHeader.qbft(
            head,
            Address.ZERO,
            Hash.ZERO,
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            context.number(),
            BLOCK_GAS_LIMIT,
            executed.gasUsed(),
            context.timestampSeconds(),
            Bytes.EMPTY);
    Block block = new Block(header, transactions.stream().map(SignedTransaction::raw).toList());
    // The pool never looks at seals: a plain header hash stands in for the QBFT one.
    head = Keccak.hash(BlockHeaderCodec.encode(header));
    height++;
    state = next;
    return new CommittedBlock(head, block, transactions, executed.outcomes());
  }

  double rejected(PoolRejection reason) {
    return metrics.mempoolRejected.labelValues(reason.name().toLowerCase(Locale.ROOT)).get();
  }

  double evicted() {
    return metrics.mempoolEvicted.get();
  }
}
