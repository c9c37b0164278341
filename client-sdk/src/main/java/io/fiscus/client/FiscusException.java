package io.fiscus.client;

/**
 * The root of every error the SDK reports: a rejected or reverted transaction, a transaction that
 * did not become final in time, a finality proof that does not check out, a node that cannot be
 * reached. Unchecked, as Web3j's own errors are; each subclass carries what the caller needs to act
 * on it (a JSON-RPC code, a revert reason, a transaction hash).
 */
public class FiscusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An error.
   *
   * @param message what went wrong
   */
  public FiscusException(String message) {
    super(message);
  }

  /**
   * An error with its cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public FiscusException(String message, Throwable cause) {
    super(message, cause);
  }
}
