package io.fiscus.chain;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link KeyValueStore} decorator that counts calls, to check how a commit uses the store. */
final class CountingStore implements KeyValueStore {
  private final KeyValueStore delegate;
  final AtomicInteger gets = new AtomicInteger();
  final AtomicInteger scans = new AtomicInteger();
  final AtomicInteger commits = new AtomicInteger();
  final AtomicInteger lastBatchSize = new AtomicInteger();

  CountingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  void reset() {
    gets.set(0);
    scans.set(0);
    commits.set(0);
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    gets.incrementAndGet();
    return delegate.get(column, key);
  }

  @Override
  public List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    scans.incrementAndGet();
    return delegate.scan(column, fromInclusive, toExclusive, descending, limit);
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
