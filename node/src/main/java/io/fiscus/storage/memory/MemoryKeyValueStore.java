package io.fiscus.storage.memory;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory twin of the RocksDB store, for tests and simulations: one sorted map per {@link
 * Column} with keys in unsigned byte order. "Durable" means "until this object is dropped".
 *
 * <p>A commit holds a write lock while it applies its batch and every read holds the read lock, so
 * a reader sees all of a batch or none of it. Arrays are copied in and out: callers can never alias
 * stored bytes.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, ConcurrentSkipListMap<byte[], byte[]>> columns =
      new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public MemoryKeyValueStore() {
    for (Column column : Column.values()) {
      columns.put(column, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      requireOpen();
      byte[] value = columns.get(column).get(key);
      return value == null ? Optional.empty() : Optional.of(value.clone());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (limit == 0 || Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      requireOpen();
      NavigableMap<byte[], byte[]> range =
          columns.get(column).subMap(fromInclusive, true, toExclusive, false);
      if (descending) {
        range = range.descendingMap();
      }
      List<Entry> entries = new ArrayList<>(Math.min(limit, 64));
      for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
        if (entries.size() == limit) {
          break;
        }
        entries.add(new Entry(entry.getKey().clone(), entry.getValue().clone()));
      }
      return entries;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch newBatch() {
    return new MemoryWriteBatch(this);
  }

  @Override
  public void commit(WriteBatch batch) {
    if (!(batch instanceof MemoryWriteBatch memoryBatch) || memoryBatch.owner() != this) {
      throw new IllegalArgumentException("the batch was not made by this store");
    }
    lock.writeLock().lock();
    try {
      requireOpen();
      for (MemoryWriteBatch.Write write : memoryBatch.writes()) {
        ConcurrentSkipListMap<byte[], byte[]> column = columns.get(write.column());
        if (write.value() == null) {
          column.remove(write.key());
        } else {
          column.put(write.key(), write.value());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }
}
