package io.fiscus.consensus.driver;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockCreator;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the proposed block on the chain head: selects pooled transactions, executes them, drops
 * any the executor refuses and executes again, roots the state and assembles a QBFT header (no
 * seals). The execution is cached for import.
 *
 * <p>The header's gas limit is the parent's (the chain's gas limit never changes); {@code
 * blockGasLimit} caps what is selected below the chain's limit, and the {@link ProposalSizer} caps
 * the count so a build takes a bounded share of the block period.
 */
public final class ExecutingBlockCreator implements QbftBlockCreator {
  private final ChainReader chain;
  private final TransactionPool pool;
  private final BlockExecutor executor;
  private final long blockGasLimit;
  private final ProposalSizer sizer;
  private final VoteTallies tallies;
  private final BlockExecutionCache cache;
  private final NodeMetrics metrics;

  public ExecutingBlockCreator(
      ChainReader chain,
      TransactionPool pool,
      BlockExecutor executor,
      long blockGasLimit,
      ProposalSizer sizer,
      VoteTallies tallies,
      BlockExecutionCache cache,
      NodeMetrics metrics) {
    this.chain = chain;
    this.pool = pool;
    this.executor = executor;
    this.blockGasLimit = blockGasLimit;
    this.sizer = sizer;
    this.tallies = tallies;
    this.cache = cache;
    this.metrics = metrics;
  }

  /**
   * @throws IllegalStateException if {@code parent} is not the chain head: the driver only offers
   *     the head, so this is a bug, and the driver halts consensus on it
   */
  @Override
  public ChainBlock createBlock(
      QbftBlock parent, int round, long timestampSeconds, Address proposer, Optional<Vote> vote) {
    long started = System.nanoTime();
    BlockHeader parentHeader = requireHead(parent);
    long gasLimit = parentHeader.gasLimit();
    BlockContext context = new BlockContext(parentHeader.number() + 1, timestampSeconds, gasLimit);
    long selectGas = Math.min(gasLimit, blockGasLimit);
    List<SignedTransaction> candidates =
        pool.select(
            selectGas,
            (int) Math.min(sizer.transactionsMax(), selectGas / SystemContracts.BASE_GAS));
    Selection selection = executeDroppingInvalid(context, candidates);
    BlockExecution.Executed executed = selection.executed();
    TrieCommit trie =
        new StateCommitment(chain.trieNodes(), parentHeader.stateRoot()).apply(executed.changes());
    sizer.built(selection.included().size(), System.nanoTime() - started);
    Validators validators = tallies.validatorsAfter(parent.hash());
    QbftExtraData extraData =
        new QbftExtraData(
            QbftExtraData.ZERO_VANITY,
            validators.sorted(),
            vote.map(ChainBlock::toHeaderVote),
            round,
            List.of());
    BlockHeader header =
        BlockHeader.qbft(
            parent.hash(),
            proposer,
            trie.root(),
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            context.number(),
            gasLimit,
            executed.gasUsed(),
            timestampSeconds,
            QbftExtraDataCodec.encode(extraData));
    List<SignedTransaction> included = selection.included();
    List<Bytes> raw = included.stream().map(SignedTransaction::raw).toList();
    ChainBlock block = ChainBlock.of(new Block(header, raw));
    cache.put(
        new ExecutedBlock(
            block.hash(),
            included,
            executed.outcomes(),
            executed.gasUsed(),
            executed.changes(),
            trie));
    metrics.blockBuildSeconds.observe((System.nanoTime() - started) / 1e9);
    return block;
  }

  private BlockHeader requireHead(QbftBlock parent) {
    BlockHeader head = chain.headHeader();
    if (head.number() != parent.height()
        || !ChainBlock.ofHeader(head).hash().equals(parent.hash())) {
      throw new IllegalStateException(
          "asked to build on " + parent + " but the head is block " + head.number());
    }
    return head;
  }

  /**
   * Executes {@code candidates}; when the executor refuses one (a nonce the pool had wrong, gas),
   * drops it and the same sender's later transactions, which now have a nonce gap, and tries again.
   * Each retry removes at least one transaction, so this ends.
   */
  private Selection executeDroppingInvalid(
      BlockContext context, List<SignedTransaction> candidates) {
    List<SignedTransaction> remaining = new ArrayList<>(candidates);
    while (true) {
      switch (executor.execute(chain.latestState(), context, remaining)) {
        case BlockExecution.Executed executed -> {
          return new Selection(remaining, executed);
        }
        case BlockExecution.Invalid invalid -> {
          Address sender = remaining.get(invalid.index()).sender();
          List<SignedTransaction> kept = new ArrayList<>(remaining.subList(0, invalid.index()));
          for (SignedTransaction later : remaining.subList(invalid.index(), remaining.size())) {
            if (!later.sender().equals(sender)) {
              kept.add(later);
            }
          }
          remaining = kept;
        }
      }
    }
  }

  /** The transactions that go into the block and their execution. */
  private record Selection(List<SignedTransaction> included, BlockExecution.Executed executed) {
    Selection {
      included = List.copyOf(included);
    }
  }
}
