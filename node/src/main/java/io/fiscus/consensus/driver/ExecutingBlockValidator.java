package io.fiscus.consensus.driver;

import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockValidator;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.consensus.qbft.Reason;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionAdmission;
import io.fiscus.tx.TransactionDecoding;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Fully checks a proposed block against its parent (which must be the chain head) and the
 * validators of its height: the QBFT header rules, then its transactions decoded and executed on
 * the head state, with gas, bloom and all three roots compared to the header. An accepted execution
 * is cached for import.
 */
public final class ExecutingBlockValidator implements QbftBlockValidator {
  /** How far ahead of the local clock a block's timestamp may be (clock skew between nodes). */
  public static final long FUTURE_TIMESTAMP_ALLOWANCE_SECONDS = 5;

  private final ChainReader chain;
  private final BlockExecutor executor;
  private final TransactionAdmission admission;
  private final QbftConfig config;
  private final LongSupplier clockMillis;
  private final BlockExecutionCache cache;
  private final NodeMetrics metrics;

  public ExecutingBlockValidator(
      ChainReader chain,
      BlockExecutor executor,
      long chainId,
      QbftConfig config,
      LongSupplier clockMillis,
      BlockExecutionCache cache,
      NodeMetrics metrics) {
    this.chain = chain;
    this.executor = executor;
    this.admission = TransactionAdmission.withDefaults(chainId);
    this.config = config;
    this.clockMillis = clockMillis;
    this.cache = cache;
    this.metrics = metrics;
  }

  @Override
  public Validation validate(QbftBlock block, QbftBlock parent, Validators validators) {
    return switch (check(block, parent, validators)) {
      case BlockCheck.Accepted accepted -> Validation.valid();
      case BlockCheck.Rejected rejected ->
          Validation.invalid(
              rejected.reason() == BlockRejection.WRONG_NUMBER
                  ? Reason.WRONG_HEIGHT
                  : Reason.BLOCK_INVALID,
              rejected.reason() + ": " + rejected.detail());
    };
  }

  /** {@link #validate} with the driver's own reasons, and the execution when accepted. */
  public BlockCheck check(QbftBlock block, QbftBlock parent, Validators validators) {
    if (!(block instanceof ChainBlock chainBlock)) {
      return new BlockCheck.Rejected(BlockRejection.NOT_A_CHAIN_BLOCK, String.valueOf(block));
    }
    Optional<BlockCheck.Rejected> headerRejection =
        HeaderRules.check(chainBlock, parent, validators, config, clockMillis.getAsLong());
    if (headerRejection.isPresent()) {
      return headerRejection.get();
    }
    return execute(chainBlock);
  }

  /**
   * Executes {@code block} on the chain head (its parent) and compares the results with its header;
   * reuses a cached execution of the same block. Used for proposals and for a decided block whose
   * execution is not cached.
   */
  public BlockCheck execute(ChainBlock block) {
    BlockHeader head = chain.headHeader();
    BlockHeader header = block.header();
    if (head.number() + 1 != header.number()
        || !ChainBlock.ofHeader(head).hash().equals(header.parentHash())) {
      return new BlockCheck.Rejected(
          BlockRejection.PARENT_NOT_HEAD,
          "parent is not the head (head " + head.number() + ", block " + header.number() + ")");
    }
    Optional<ExecutedBlock> cached = cache.get(block.hash());
    if (cached.isPresent() && sameTransactions(cached.get(), block)) {
      return new BlockCheck.Accepted(cached.get());
    }
    long started = System.nanoTime();
    BlockCheck result = executeFresh(block, head);
    if (result instanceof BlockCheck.Accepted accepted) {
      cache.put(accepted.executed());
      metrics.blockImportSeconds.observe((System.nanoTime() - started) / 1e9);
    }
    return result;
  }

  private BlockCheck executeFresh(ChainBlock block, BlockHeader parent) {
    BlockHeader header = block.header();
    List<SignedTransaction> transactions = new ArrayList<>(block.block().transactions().size());
    for (Bytes raw : block.block().transactions()) {
      switch (admission.admit(raw)) {
        case TransactionDecoding.Decoded decoded -> transactions.add(decoded.transaction());
        case TransactionDecoding.Rejected rejected -> {
          return new BlockCheck.Rejected(
              BlockRejection.TRANSACTION_REJECTED,
              "transaction "
                  + transactions.size()
                  + ": "
                  + rejected.reason()
                  + " "
                  + rejected.detail());
        }
      }
    }
    BlockContext context = new BlockContext(header.number(), header.timestamp(), header.gasLimit());
    return switch (executor.execute(chain.latestState(), context, transactions)) {
      case BlockExecution.Invalid invalid ->
          new BlockCheck.Rejected(
              BlockRejection.TRANSACTION_NOT_INCLUDABLE,
              "transaction " + invalid.index() + ": " + invalid.reason() + " " + invalid.detail());
      case BlockExecution.Executed executed -> compare(block, parent, transactions, executed);
    };
  }

  private BlockCheck compare(
      ChainBlock block,
      BlockHeader parent,
      List<SignedTransaction> transactions,
      BlockExecution.Executed executed) {
    BlockHeader header = block.header();
    if (executed.gasUsed() != header.gasUsed()) {
      return mismatch(BlockRejection.GAS_USED_MISMATCH, header.gasUsed(), executed.gasUsed());
    }
    if (!executed.logsBloom().equals(header.logsBloom())) {
      return new BlockCheck.Rejected(BlockRejection.LOGS_BLOOM_MISMATCH, "bloom differs");
    }
    if (!executed.transactionsRoot().equals(header.transactionsRoot())) {
      return mismatch(
          BlockRejection.TRANSACTIONS_ROOT_MISMATCH,
          header.transactionsRoot(),
          executed.transactionsRoot());
    }
    if (!executed.receiptsRoot().equals(header.receiptsRoot())) {
      return mismatch(
          BlockRejection.RECEIPTS_ROOT_MISMATCH, header.receiptsRoot(), executed.receiptsRoot());
    }
    TrieCommit trie =
        new StateCommitment(chain.trieNodes(), parent.stateRoot()).apply(executed.changes());
    if (!trie.root().equals(header.stateRoot())) {
      return mismatch(BlockRejection.STATE_ROOT_MISMATCH, header.stateRoot(), trie.root());
    }
    return new BlockCheck.Accepted(
        new ExecutedBlock(
            block.hash(),
            transactions,
            executed.outcomes(),
            executed.gasUsed(),
            executed.changes(),
            trie));
  }

  private static BlockCheck.Rejected mismatch(
      BlockRejection reason, Object inHeader, Object computed) {
    return new BlockCheck.Rejected(reason, "header says " + inHeader + ", computed " + computed);
  }

  private static boolean sameTransactions(ExecutedBlock executed, ChainBlock block) {
    List<Bytes> raw = block.block().transactions();
    if (raw.size() != executed.transactions().size()) {
      return false;
    }
    for (int index = 0; index < raw.size(); index++) {
      if (!raw.get(index).equals(executed.transactions().get(index).raw())) {
        return false;
      }
    }
    return true;
  }
}
