package io.fiscus.bench.load;

import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import io.fiscus.storage.rocksdb.RocksDbKeyValueStore;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * This machine's RocksDB batch-write rate through the node's own store ({@link
 * RocksDbKeyValueStore}, its options, one synced atomic batch per commit), with batches shaped like
 * a block of transfers: random 32-byte keys (hashes) with 100-byte values, spread over the columns
 * a transfer writes (transaction index, flat state, trie nodes, account history), four puts per
 * transfer. Measured beside the load runs so the disk's part of a block's commit time can be read
 * next to them.
 */
public final class StorageWriteRate {
  private static final List<Column> COLUMNS =
      List.of(Column.TRANSACTIONS, Column.STATE_FLAT, Column.TRIE_NODES, Column.ACCOUNT_HISTORY);
  private static final int KEY_BYTES = 32;
  private static final int VALUE_BYTES = 100;
  private static final int WARM_UP_BATCHES = 2;

  private StorageWriteRate() {}

  /**
   * The measured rate.
   *
   * @param putsPerBatch writes in each batch
   * @param batchesPerSecond synced batches committed per second
   * @param putsPerSecond writes per second
   */
  public record Result(int putsPerBatch, long batchesPerSecond, long putsPerSecond) {}

  /**
   * Commits {@code batches} batches of {@code putsPerBatch} writes into a fresh store in {@code
   * directory} (created; the caller deletes it), after a short warm-up.
   */
  public static Result measure(Path directory, int batches, int putsPerBatch) {
    if (batches <= 0 || putsPerBatch <= 0) {
      throw new IllegalArgumentException("batches and puts per batch must be positive");
    }
    SplittableRandom random = new SplittableRandom(0x5eed);
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(directory)) {
      for (int i = 0; i < WARM_UP_BATCHES; i++) {
        store.commit(batch(store, random, putsPerBatch));
      }
      long elapsed = 0;
      for (int i = 0; i < batches; i++) {
        // Filling the batch is the caller's work, not the store's: only the commit is timed.
        WriteBatch batch = batch(store, random, putsPerBatch);
        long start = System.nanoTime();
        store.commit(batch);
        elapsed += System.nanoTime() - start;
      }
      return new Result(
          putsPerBatch,
          batches * 1_000_000_000L / elapsed,
          (long) batches * putsPerBatch * 1_000_000_000L / elapsed);
    }
  }

  private static WriteBatch batch(RocksDbKeyValueStore store, SplittableRandom random, int puts) {
    WriteBatch batch = store.newBatch();
    byte[] key = new byte[KEY_BYTES];
    byte[] value = new byte[VALUE_BYTES];
    for (int i = 0; i < puts; i++) {
      random.nextBytes(key);
      random.nextBytes(value);
      batch.put(COLUMNS.get(i % COLUMNS.size()), key, value);
    }
    return batch;
  }
}
