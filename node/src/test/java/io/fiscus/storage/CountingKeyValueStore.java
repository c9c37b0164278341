package io.fiscus.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link KeyValueStore} decorator that counts how a reader or writer uses the store: calls to
 * each method, the size of the last committed batch, and the rows read (every scanned entry and
 * every hit of a get).
 */
public final class CountingKeyValueStore implements KeyValueStore {
  private final KeyValueStore delegate;
  public final AtomicInteger gets = new AtomicInteger();
  public final AtomicInteger scans = new AtomicInteger();
  public final AtomicInteger commits = new AtomicInteger();
  public final AtomicInteger lastBatchSize = new AtomicInteger();
  public final AtomicLong rowsRead = new AtomicLong();

  public CountingKeyValueStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  /** Zeroes the counters of reads and commits. */
  public void reset() {
    gets.set(0);
    scans.set(0);
    commits.set(0);
    rowsRead.set(0);
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    gets.incrementAndGet();
    Optional<byte[]> value = delegate.get(column, key);
    rowsRead.addAndGet(value.isPresent() ? 1 : 0);
    return value;
  }

  @Override
  public List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    scans.incrementAndGet();
    List<Entry> rows = delegate.scan(column, fromInclusive, toExclusive, descending, limit);
    rowsRead.addAndGet(rows.size());
    return rows;
  }

  @Override
  public WriteBatch newBatch() {
    return delegate.newBatch();
  }

  @Override
  public void commit(WriteBatch batch) {
    commits.incrementAndGet();
    lastBatchSize.set(batch.size());
    delegate.commit(batch);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
