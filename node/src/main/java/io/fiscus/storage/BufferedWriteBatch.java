package io.fiscus.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes collected in order on the Java heap for one commit of the store that made the batch; each
 * store applies them its own way. On the heap, a batch dropped uncommitted holds no native memory
 * (RocksDB builds its native batch only inside the commit).
 */
public final class BufferedWriteBatch implements WriteBatch {
  /** One write; a null value deletes the key. Arrays are private copies, never shared. */
  public static final class Write {
    private final Column column;
    private final byte[] key;
    private final byte[] value;

    private Write(Column column, byte[] key, byte[] value) {
      this.column = column;
      this.key = key;
      this.value = value;
    }

    public Column column() {
      return column;
    }

    public byte[] key() {
      return key;
    }

    /** The value to put, or null to delete. */
    public byte[] value() {
      return value;
    }
  }

  private final KeyValueStore owner;
  private final List<Write> writes = new ArrayList<>();

  /** An empty batch for {@code owner}, which alone may commit it. */
  public BufferedWriteBatch(KeyValueStore owner) {
    this.owner = owner;
  }

  /**
   * The writes of {@code batch}, in order.
   *
   * @throws IllegalArgumentException if {@code store} did not make {@code batch}
   */
  @SuppressWarnings("ReferenceEquality") // identity is the point: a batch is one store's
  public static List<Write> writesFor(KeyValueStore store, WriteBatch batch) {
    if (!(batch instanceof BufferedWriteBatch buffered) || buffered.owner != store) {
      throw new IllegalArgumentException("the batch was not made by this store");
    }
    return Collections.unmodifiableList(buffered.writes);
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
}
