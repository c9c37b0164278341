package io.fiscus.execution;

/**
 * Why a transaction cannot be in a block at all (as opposed to a business failure, which is a
 * reverted receipt). A block containing one is invalid; the mempool rejects them at submission.
 */
public enum InvalidTransaction {
  /** The nonce was already used: a replay. */
  NONCE_TOO_LOW("nonce-too-low"),
  /** The nonce skips ahead of the account's next nonce. */
  NONCE_GAP("nonce-gap"),
  /** The gas limit does not cover the function's fixed cost. */
  INTRINSIC_GAS_TOO_LOW("intrinsic-gas-too-low"),
  /** The transaction does not fit in what is left of the block's gas limit. */
  BLOCK_GAS_LIMIT_EXCEEDED("block-gas-limit-exceeded");

  private final String code;

  InvalidTransaction(String code) {
    this.code = code;
  }

  /** The stable, lower-case code used in errors, logs and metrics. */
  public String code() {
    return code;
  }
}
