package io.fiscus.client;

import java.time.Duration;

/**
 * A transaction was not included in a committed block within the time the caller allowed. It may
 * still be pooled and become final later: follow it again by hash, or check with the node.
 */
public class NotFinalException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /** The transaction followed. */
  private final String transactionHash;

  /** How long it was followed. */
  private final Duration timeout;

  /**
   * A timeout.
   *
   * @param transactionHash the transaction followed
   * @param timeout how long it was followed
   */
  public NotFinalException(String transactionHash, Duration timeout) {
    super("transaction " + transactionHash + " was not final within " + timeout);
    this.transactionHash = transactionHash;
    this.timeout = timeout;
  }

  /**
   * The transaction that did not become final.
   *
   * @return its hash
   */
  public String transactionHash() {
    return transactionHash;
  }

  /**
   * How long it was followed.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }
}
