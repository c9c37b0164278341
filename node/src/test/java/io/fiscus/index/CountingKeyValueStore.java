package io.fiscus.index;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import java.util.List;
import java.util.Optional;

/** Counts the rows a reader pulls out of a store: every scanned entry and every hit of a get. */
final class CountingKeyValueStore implements KeyValueStore {
  private final KeyValueStore delegate;
  private long rowsRead;

  CountingKeyValueStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  synchronized long rowsRead() {
    return rowsRead;
  }

  synchronized void reset() {
    rowsRead = 0;
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    Optional<byte[]> value = delegate.get(column, key);
    synchronized (this) {
      rowsRead += value.isPresent() ? 1 : 0;
    }
    return value;
  }

  @Override
  public List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    List<Entry> rows = delegate.scan(column, fromInclusive, toExclusive, descending, limit);
    synchronized (this) {
      rowsRead += rows.size();
    }
    return rows;
  }

  @Override
  public WriteBatch newBatch() {
    return delegate.newBatch();
  }

  @Override
  public void commit(WriteBatch batch) {
    delegate.commit(batch);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
