package io.fiscus.storage.memory;

import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;

/** Writes collected in order for one {@link MemoryKeyValueStore#commit}; copies every array. */
final class MemoryWriteBatch implements WriteBatch {
  /** One write; a null value deletes the key. */
  record Write(Column column, byte[] key, byte[] value) {}

  private final MemoryKeyValueStore owner;
  private final List<Write> writes = new ArrayList<>();

  MemoryWriteBatch(MemoryKeyValueStore owner) {
    this.owner = owner;
  }

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

  MemoryKeyValueStore owner() {
    return owner;
  }

  List<Write> writes() {
    return writes;
  }
}
