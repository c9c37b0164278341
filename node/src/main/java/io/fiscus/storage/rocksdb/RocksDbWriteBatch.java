package io.fiscus.storage.rocksdb;

import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes collected on the Java heap for one {@link RocksDbKeyValueStore#commit}. The native batch
 * is built only at commit, inside a try-with-resources, so a batch that is dropped uncommitted
 * leaks no native memory.
 */
final class RocksDbWriteBatch implements WriteBatch {
  /** One write; a null value deletes the key. Arrays are private copies, never shared. */
  static final class Write {
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

    /** The value to put, or null to delete. */
    byte[] value() {
      return value;
    }
  }

  private final RocksDbKeyValueStore owner;
  private final List<Write> writes = new ArrayList<>();

  RocksDbWriteBatch(RocksDbKeyValueStore owner) {
    this.owner = owner;
  }

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    // Copied: the port lets callers reuse their arrays once put returns.
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

  RocksDbKeyValueStore owner() {
    return owner;
  }

  List<Write> writes() {
    return writes;
  }
}
