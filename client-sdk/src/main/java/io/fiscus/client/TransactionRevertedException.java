package io.fiscus.client;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A transaction was included in a block but its contract call reverted (receipt status 0): nothing
 * changed but the sender's nonce. The reason is the contract's stable text, e.g. {@code
 * insufficient balance} ({@code contracts/README.md} lists them all).
 */
public class TransactionRevertedException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /** The contract's revert reason. */
  private final String reason;

  /** The reverted transaction's hash. */
  private final String transactionHash;

  private final transient TransactionReceipt receipt;

  /**
   * A reverted transaction.
   *
   * @param reason the revert reason
   * @param transactionHash the transaction's hash
   * @param receipt its receipt
   */
  public TransactionRevertedException(
      String reason, String transactionHash, TransactionReceipt receipt) {
    super("transaction " + transactionHash + " reverted: " + reason);
    this.reason = reason;
    this.transactionHash = transactionHash;
    this.receipt = receipt;
  }

  /**
   * The contract's revert reason, e.g. {@code insufficient balance}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * The reverted transaction.
   *
   * @return its hash
   */
  public String transactionHash() {
    return transactionHash;
  }

  /**
   * The receipt, with status {@code 0x0} and the block that holds the transaction.
   *
   * @return the receipt
   */
  public TransactionReceipt receipt() {
    return receipt;
  }
}
