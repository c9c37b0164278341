package io.fiscus.storage.rocksdb;

import java.nio.file.Path;

/** The store could not be opened; {@link #reason()} is stable for callers and tests. */
public final class RocksDbOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why opening failed. */
  public enum Reason {
    /** Another process (or another store in this process) holds the directory's lock. */
    DIRECTORY_IN_USE,
    /** Anything else: unreadable directory, corrupt files, incompatible options. */
    CANNOT_OPEN
  }

  private final Reason reason;
  private final transient Path directory;

  RocksDbOpenException(Reason reason, Path directory, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.directory = directory;
  }

  public Reason reason() {
    return reason;
  }

  public Path directory() {
    return directory;
  }
}
