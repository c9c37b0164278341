package io.fiscus.bench;

import io.fiscus.crypto.Keccak;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.MerklePatriciaTrie;
import io.fiscus.trie.TrieCommit;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the root update per dirty leaf: 1,000 leaves rewritten in a 100,000-leaf trie loaded
 * from its node store, then one commit. The score is per dirty leaf.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrieUpdateBenchmark {
  private static final int LEAVES = 100_000;
  private static final int DIRTY = 1_000;

  private final MemoryTrieNodeStore store = new MemoryTrieNodeStore();
  private final Bytes[] keys = new Bytes[LEAVES];
  private Hash root;
  private long round;

  @Setup(Level.Trial)
  public void populate() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    for (int i = 0; i < LEAVES; i++) {
      keys[i] =
          Keccak.hash(
                  Bytes.wrap(
                      Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
              .bytes();
      trie.put(keys[i], value(i, 0));
    }
    TrieCommit commit = trie.commit();
    store.putAll(commit);
    root = commit.root();
  }

  @Benchmark
  @OperationsPerInvocation(DIRTY)
  public Hash rewriteAndCommit() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store, root);
    long r = ++round;
    for (int i = 0; i < DIRTY; i++) {
      int leaf = (int) ((i * 7919L + r * 104_729L) % LEAVES);
      trie.put(keys[leaf], value(leaf, r));
    }
    // The store is not updated, so every invocation starts from the same populated trie.
    return trie.commit().root();
  }

  private static Bytes value(int leaf, long round) {
    return Bytes.wrap(
        io.fiscus.rlp.Rlp.list(io.fiscus.rlp.Rlp.uint(leaf), io.fiscus.rlp.Rlp.uint(round)));
  }
}
