package io.fiscus.consensus.driver;

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

/** Sorted in-memory columns; counts commits so tests can see one batch per step. */
final class FakeKeyValueStore implements KeyValueStore {
  private final Map<Column, TreeMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);
  int commits;

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
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
      if (entries.size() == limit) {
        break;
      }
      entries.add(new Entry(entry.getKey().clone(), entry.getValue().clone()));
    }
    return entries;
  }

  synchronized int size(Column column) {
    return columns.get(column).size();
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch();
  }

  @Override
  public synchronized void commit(WriteBatch batch) {
    for (Runnable write : ((Batch) batch).writes) {
      write.run();
    }
    commits++;
  }

  @Override
  public void close() {}

  private final class Batch implements WriteBatch {
    private final List<Runnable> writes = new ArrayList<>();

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      byte[] k = key.clone();
      byte[] v = value.clone();
      writes.add(() -> columns.get(column).put(k, v));
    }

    @Override
    public void delete(Column column, byte[] key) {
      byte[] k = key.clone();
      writes.add(() -> columns.get(column).remove(k));
    }

    @Override
    public int size() {
      return writes.size();
    }
  }
}
