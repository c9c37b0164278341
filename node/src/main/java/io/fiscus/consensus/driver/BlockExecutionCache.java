package io.fiscus.consensus.driver;

import io.fiscus.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Executions of recently built or validated blocks, by block hash, so the decided block is imported
 * without executing it twice. Bounded: the oldest entry goes first (a height sees a few candidate
 * blocks at most, one per round). Thread-safe.
 */
public final class BlockExecutionCache {
  private final int entriesMax;
  private final LinkedHashMap<Hash, ExecutedBlock> entries = new LinkedHashMap<>();

  public BlockExecutionCache(int entriesMax) {
    if (entriesMax < 1) {
      throw new IllegalArgumentException("the cache holds at least one block");
    }
    this.entriesMax = entriesMax;
  }

  public synchronized void put(ExecutedBlock executed) {
    entries.remove(executed.hash());
    entries.put(executed.hash(), executed);
    while (entries.size() > entriesMax) {
      Map.Entry<Hash, ExecutedBlock> eldest = entries.entrySet().iterator().next();
      entries.remove(eldest.getKey());
    }
  }

  public synchronized Optional<ExecutedBlock> get(Hash blockHash) {
    return Optional.ofNullable(entries.get(blockHash));
  }

  /** Forgets everything: after a commit, every cached execution is on a stale parent. */
  public synchronized void clear() {
    entries.clear();
  }

  public synchronized int size() {
    return entries.size();
  }
}
