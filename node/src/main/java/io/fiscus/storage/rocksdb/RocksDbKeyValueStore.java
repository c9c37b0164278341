package io.fiscus.storage.rocksdb;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;

/**
 * The node's {@link KeyValueStore} on RocksDB: one column family per {@link Column} (named as the
 * enum constant in lower case) beside the default one. Commits are one native write batch written
 * with {@code sync = true}, so a committed batch survives a crash or power loss.
 *
 * <p>RocksDB locks its directory for as long as it is open; a second open, from this or another
 * process, fails with {@link RocksDbOpenException.Reason#DIRECTORY_IN_USE}.
 *
 * <p>Reads and commits may run concurrently on any thread. They hold a read lock that {@link
 * #close()} takes exclusively, because a native call on a closed database crashes the JVM rather
 * than throwing.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private final Path directory;
  private final RocksDbOptions options;
  private final RocksDB database;
  private final ColumnFamilyHandle defaultHandle;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final WriteOptions syncWrites;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksDbKeyValueStore(
      Path directory,
      RocksDbOptions options,
      RocksDB database,
      ColumnFamilyHandle defaultHandle,
      Map<Column, ColumnFamilyHandle> handles,
      WriteOptions syncWrites) {
    this.directory = directory;
    this.options = options;
    this.database = database;
    this.defaultHandle = defaultHandle;
    this.handles = handles;
    this.syncWrites = syncWrites;
  }

  /**
   * Opens the store in {@code directory}, creating the directory, the database and any missing
   * column family.
   *
   * @throws RocksDbOpenException if the directory is in use or the database cannot be opened
   */
  public static RocksDbKeyValueStore open(Path directory) {
    NativeLibrary.ensureLoaded();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new RocksDbOpenException(
          RocksDbOpenException.Reason.CANNOT_OPEN,
          directory,
          "cannot create data directory " + directory + ": " + e.getMessage(),
          e);
    }
    RocksDbOptions options = new RocksDbOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options.defaultColumn()));
    for (Column column : Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(familyName(column), options.column(column)));
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>(descriptors.size());
    RocksDB database;
    try {
      database = RocksDB.open(options.database(), directory.toString(), descriptors, opened);
    } catch (RocksDBException e) {
      options.close();
      throw openFailure(directory, e);
    }
    // RocksDB returns the handles in descriptor order: default first, then the columns.
    Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    int next = 1;
    for (Column column : Column.values()) {
      handles.put(column, opened.get(next++));
    }
    WriteOptions syncWrites = new WriteOptions().setSync(true);
    return new RocksDbKeyValueStore(
        directory, options, database, opened.get(0), handles, syncWrites);
  }

  private static byte[] familyName(Column column) {
    return column.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
  }

  private static RocksDbOpenException openFailure(Path directory, RocksDBException e) {
    Status status = e.getStatus();
    String message = String.valueOf(e.getMessage());
    // RocksDB reports a held LOCK file as an IOError naming the file: "While lock file: <dir>/LOCK"
    // from another process, "lock hold by current process ... <dir>/LOCK" from this one.
    if (status != null && status.getCode() == Status.Code.IOError && message.contains("LOCK")) {
      return new RocksDbOpenException(
          RocksDbOpenException.Reason.DIRECTORY_IN_USE,
          directory,
          "data directory is in use by another process: " + directory,
          e);
    }
    return new RocksDbOpenException(
        RocksDbOpenException.Reason.CANNOT_OPEN,
        directory,
        "cannot open the database in " + directory + ": " + message,
        e);
  }

  /** The directory this store was opened in. */
  public Path directory() {
    return directory;
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    lifecycle.readLock().lock();
    try {
      requireOpen();
      return Optional.ofNullable(database.get(handles.get(column), key));
    } catch (RocksDBException e) {
      throw failure("read from " + column, e);
    } finally {
      lifecycle.readLock().unlock();
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
    lifecycle.readLock().lock();
    try {
      requireOpen();
      return scanOpen(column, fromInclusive, toExclusive, descending, limit);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private List<Entry> scanOpen(
      Column column, byte[] fromInclusive, byte[] toExclusive, boolean descending, int limit) {
    List<Entry> entries = new ArrayList<>(Math.min(limit, 64));
    // Closed in reverse order: the iterator, then the read options, then the slices they point to.
    try (Slice lower = new Slice(fromInclusive);
        Slice upper = new Slice(toExclusive);
        ReadOptions read =
            new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
        RocksIterator iterator = database.newIterator(handles.get(column), read)) {
      if (descending) {
        iterator.seekForPrev(toExclusive);
        if (iterator.isValid() && Arrays.equals(iterator.key(), toExclusive)) {
          iterator.prev();
        }
      } else {
        iterator.seek(fromInclusive);
      }
      while (iterator.isValid() && entries.size() < limit) {
        entries.add(new Entry(iterator.key(), iterator.value()));
        if (descending) {
          iterator.prev();
        } else {
          iterator.next();
        }
      }
      iterator.status();
    } catch (RocksDBException e) {
      throw failure("scan of " + column, e);
    }
    return entries;
  }

  @Override
  public WriteBatch newBatch() {
    return new RocksDbWriteBatch(this);
  }

  @Override
  public void commit(WriteBatch batch) {
    if (!(batch instanceof RocksDbWriteBatch rocksBatch) || rocksBatch.owner() != this) {
      throw new IllegalArgumentException("the batch was not made by this store");
    }
    lifecycle.readLock().lock();
    try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch()) {
      requireOpen();
      for (RocksDbWriteBatch.Write write : rocksBatch.writes()) {
        ColumnFamilyHandle handle = handles.get(write.column());
        if (write.value() == null) {
          nativeBatch.delete(handle, write.key());
        } else {
          nativeBatch.put(handle, write.key(), write.value());
        }
      }
      database.write(syncWrites, nativeBatch);
    } catch (RocksDBException e) {
      throw failure("commit of " + batch.size() + " writes", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Releases every native handle: column families, the database, then the options they used. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.values().forEach(ColumnFamilyHandle::close);
      defaultHandle.close();
      database.close();
      syncWrites.close();
      options.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the store in " + directory + " is closed");
    }
  }

  private UncheckedIOException failure(String what, RocksDBException e) {
    return new UncheckedIOException(
        "RocksDB " + what + " failed in " + directory + ": " + e.getMessage(), new IOException(e));
  }

  /** Loads the RocksDB native library once per JVM, on first use. */
  private static final class NativeLibrary {
    static {
      RocksDB.loadLibrary();
    }

    private NativeLibrary() {}

    static void ensureLoaded() {
      // The static initializer above does the work, exactly once.
    }
  }
}
