package io.fiscus.p2p;

/** A permissions file that cannot be read or does not have the expected shape. */
public final class PermissionsFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermissionsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
