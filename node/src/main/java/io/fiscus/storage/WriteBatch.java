package io.fiscus.storage;

/** Writes collected for one atomic {@link KeyValueStore#commit}. Not thread-safe. */
public interface WriteBatch {
  void put(Column column, byte[] key, byte[] value);

  void delete(Column column, byte[] key);

  /** The number of writes collected so far. */
  int size();
}
