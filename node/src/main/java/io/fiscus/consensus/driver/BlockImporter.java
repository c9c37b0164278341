package io.fiscus.consensus.driver;

import io.fiscus.chain.ChainWriter;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.metrics.NodeMetrics;

/**
 * Commits a decided (sealed) block: takes its cached execution, or executes it now on the head, and
 * writes it with one {@link ChainWriter#commit}.
 */
final class BlockImporter {
  private final ExecutingBlockValidator validator;
  private final ChainWriter writer;
  private final BlockExecutionCache cache;
  private final NodeMetrics metrics;

  BlockImporter(
      ExecutingBlockValidator validator,
      ChainWriter writer,
      BlockExecutionCache cache,
      NodeMetrics metrics) {
    this.validator = validator;
    this.writer = writer;
    this.cache = cache;
    this.metrics = metrics;
  }

  /**
   * @throws IllegalStateException if the decided block does not execute to its header on the head:
   *     a quorum agreed on it, so our chain or executor disagrees with the network
   */
  ChainBlock importDecided(QbftBlock decided) {
    ChainBlock block = (ChainBlock) decided;
    ExecutedBlock executed =
        switch (validator.execute(block)) {
          case BlockCheck.Accepted accepted -> accepted.executed();
          case BlockCheck.Rejected rejected ->
              throw new IllegalStateException(
                  "decided block "
                      + block.height()
                      + " does not import: "
                      + rejected.reason()
                      + " "
                      + rejected.detail());
        };
    CommittedBlock committed =
        new CommittedBlock(
            block.hash(), block.block(), executed.transactions(), executed.outcomes());
    long started = System.nanoTime();
    writer.commit(committed, executed.changes(), executed.trie());
    metrics.blockCommitSeconds.observe((System.nanoTime() - started) / 1e9);
    cache.clear();
    metrics.chainHeight.set((double) block.height());
    metrics.blocks.inc();
    metrics.transactions.inc((double) executed.transactions().size());
    return block;
  }
}
