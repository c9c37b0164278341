package io.fiscus.storage;

import java.util.List;
import java.util.Optional;

/**
 * The node's ordered key-value store, split into {@link Column}s. Writes go through a {@link
 * WriteBatch} that {@link #commit commits} atomically and durably: after a crash either all of a
 * batch is visible or none of it. Keys compare as unsigned bytes.
 *
 * <p>Reads may run on any thread, concurrently with one writer.
 */
public interface KeyValueStore extends AutoCloseable {

  /** One key and its value; the arrays are the store's copies, owned by the caller. */
  @SuppressWarnings("ArrayRecordComponent") // raw arrays: the store's hot path avoids wrapping
  record Entry(byte[] key, byte[] value) {}

  Optional<byte[]> get(Column column, byte[] key);

  /**
   * Up to {@code limit} entries whose keys lie in {@code [fromInclusive, toExclusive)}, ascending,
   * or descending from the largest key below {@code toExclusive} when {@code descending}.
   */
  List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit);

  WriteBatch newBatch();

  /** Applies the batch atomically and syncs it to stable storage before returning. */
  void commit(WriteBatch batch);

  @Override
  void close();
}
