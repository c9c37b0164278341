package io.fiscus.bench;

import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One block of token transfers executed on one thread, with and without the state-root update.
 * Transfers per second = transfers per block / the reported seconds per operation. Senders are
 * recovered at signing time, as the node recovers them at admission, so this is execution only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecutionBenchmark {
  @Param({"1000", "10000"})
  public int transfersPerBlock;

  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private final BlockContext block = new BlockContext(1, 1_700_000_000L, Long.MAX_VALUE);
  private MemoryState genesis;
  private List<SignedTransaction> transactions;
  private MemoryTrieNodeStore store;
  private Hash genesisRoot;

  @Setup(Level.Trial)
  public void prepare() {
    // 2,001 accounts: enough distinct senders and recipients that the trie has real depth.
    TransferWorkload workload = new TransferWorkload(2_001);
    genesis = workload.genesis(1_000_000_000L);
    transactions = workload.transfers(transfersPerBlock);
    store = new MemoryTrieNodeStore();
    // Commit the genesis first so the block's root update starts from a populated trie.
    TrieCommit commit =
        new StateCommitment(store, Hash.EMPTY_TRIE).apply(workload.genesisChanges(1_000_000_000L));
    store.putAll(commit);
    genesisRoot = commit.root();
  }

  @Benchmark
  public BlockExecution executeOnly() {
    return executor.execute(genesis, block, transactions);
  }

  @Benchmark
  public Hash executeAndComputeStateRoot() {
    BlockExecution.Executed executed =
        (BlockExecution.Executed) executor.execute(genesis, block, transactions);
    return new StateCommitment(store, genesisRoot).apply(executed.changes()).root();
  }
}
