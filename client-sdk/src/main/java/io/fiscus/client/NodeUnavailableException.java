package io.fiscus.client;

/**
 * The node could not be reached or did not answer: connection refused, a timeout, a broken
 * connection, an HTTP error. The request may or may not have arrived; a transaction sent this way
 * may still be pooled, so look it up by hash before sending it again.
 */
public class NodeUnavailableException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /**
   * An I/O failure.
   *
   * @param message what was being done
   * @param cause the I/O error
   */
  public NodeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
