package io.fiscus.genesis;

/** A node key file that is missing, unreadable, malformed or cannot be written. */
public final class NodeKeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeKeyFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public NodeKeyFileException(String message) {
    super(message);
  }
}
