package io.fiscus.client.finality;

import io.fiscus.client.FiscusException;

/**
 * The node has no finality proof for the transaction: it is not in a committed block (yet), or the
 * node does not know it. Not a verification failure: ask again once the transaction is included.
 */
public class ProofNotAvailableException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /** The transaction asked about. */
  private final String transactionHash;

  /**
   * The node has no proof of {@code transactionHash}.
   *
   * @param transactionHash the transaction asked about
   */
  public ProofNotAvailableException(String transactionHash) {
    super("no finality proof for " + transactionHash + ": not in a committed block");
    this.transactionHash = transactionHash;
  }

  /**
   * The transaction asked about.
   *
   * @return its hash, as hex
   */
  public String transactionHash() {
    return transactionHash;
  }
}
