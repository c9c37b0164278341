package io.fiscus.index;

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
import java.util.TreeMap;

/**
 * An in-memory {@link KeyValueStore} for tests: one TreeMap per column ordered as unsigned bytes,
 * batches applied atomically under a lock, arrays copied in and out.
 */
final class FakeKeyValueStore implements KeyValueStore {
  private final Map<Column, NavigableMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);

  FakeKeyValueStore() {
    for (Column column : Column.values()) {
      columns.put(column, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public synchronized Optional<byte[]> get(Column column, byte[] key) {
    return Optional.ofNullable(columns.get(column).get(key)).map(byte[]::clone);
  }

  @Override
  public synchronized List<Entry> scan(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    NavigableMap<byte[], byte[]> range =
        columns.get(column).subMap(fromInclusive, true, toExclusive, false);
    if (descending) {
      range = range.descendingMap();
    }
    List<Entry> entries = new ArrayList<>(Math.min(limit, 1024));
    for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
      if (entries.size() == limit) {
        break;
      }
      entries.add(new Entry(entry.getKey().clone(), entry.getValue().clone()));
    }
    return entries;
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch();
  }

  @Override
  public synchronized void commit(WriteBatch batch) {
    for (Write write : ((Batch) batch).writes) {
      NavigableMap<byte[], byte[]> column = columns.get(write.column());
      if (write.value() == null) {
        column.remove(write.key());
      } else {
        column.put(write.key(), write.value());
      }
    }
  }

  synchronized int size(Column column) {
    return columns.get(column).size();
  }

  @Override
  public void close() {}

  /** One put, or a delete when {@code value} is null. */
  private static final class Write {
    private final Column column;
    private final byte[] key;
    private final byte[] value;

    Write(Column column, byte[] key, byte[] value) {
      this.column = column;
      this.key = key;
      this.value = value;
    }

    Column column() {
      return column;
    }

    byte[] key() {
      return key;
    }

    byte[] value() {
      return value;
    }
  }

  private static final class Batch implements WriteBatch {
    private final List<Write> writes = new ArrayList<>();

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      writes.add(new Write(column, key.clone(), value.clone()));
    }

    @Override
    public void delete(Column column, byte[] key) {
      writes.add(new Write(column, key.clone(), null));
    }

    @Override
    public int size() {
      return writes.size();
    }
  }
}
