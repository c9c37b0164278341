package io.fiscus.index;

/** A query the index cannot answer as asked: a malformed cursor, contradictory filters. */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
