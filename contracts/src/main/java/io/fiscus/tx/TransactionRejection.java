package io.fiscus.tx;

/**
 * Why raw transaction bytes were refused. The codes are stable: they appear in RPC errors, metric
 * labels and tests, so a reason is never renamed or reused for a different cause.
 */
public enum TransactionRejection {
  /** No bytes at all. */
  EMPTY_INPUT("empty-input"),
  /** Not canonical RLP, or an item of the wrong kind (a list where a string belongs). */
  MALFORMED_RLP("malformed-rlp"),
  /** Bytes left over after the transaction. */
  TRAILING_BYTES("trailing-bytes"),
  /** A typed envelope other than EIP-1559. */
  UNSUPPORTED_TYPE("unsupported-type"),
  /** The transaction list has too few or too many items. */
  WRONG_FIELD_COUNT("wrong-field-count"),
  /** An integer encoded with leading zero bytes. */
  NON_CANONICAL_INTEGER("non-canonical-integer"),
  /** An integer too large for its field (nonce and gas limit below 2^63, fees 256 bits...). */
  FIELD_OUT_OF_RANGE("field-out-of-range"),
  /** {@code maxPriorityFeePerGas} above {@code maxFeePerGas}: no block could ever include it. */
  PRIORITY_FEE_ABOVE_MAX_FEE("priority-fee-above-max-fee"),
  /** A recipient that is neither empty nor exactly 20 bytes. */
  INVALID_ADDRESS("invalid-address"),
  /** An access list of the wrong shape or with mis-sized addresses or storage keys. */
  INVALID_ACCESS_LIST("invalid-access-list"),
  /** r or s outside [1, n-1], or a v / yParity that names no recovery id. */
  INVALID_SIGNATURE("invalid-signature"),
  /** s above n/2: the malleable twin of a valid signature (EIP-2). */
  HIGH_S("high-s"),
  /** The signature is well formed but no public key matches it. */
  UNRECOVERABLE_SENDER("unrecoverable-sender"),
  /** The transaction is signed for another chain. */
  WRONG_CHAIN_ID("wrong-chain-id"),
  /** A legacy transaction without EIP-155 replay protection (v = 27 or 28). */
  UNPROTECTED_LEGACY("unprotected-legacy"),
  /** The call data exceeds the admission limit. */
  OVERSIZE_DATA("oversize-data"),
  /** The raw transaction exceeds the admission limit. */
  OVERSIZE_TRANSACTION("oversize-transaction"),
  /** An empty recipient: Fiscus has only its system contracts and deploys nothing. */
  CONTRACT_CREATION_NOT_SUPPORTED("contract-creation-not-supported"),
  /** A non-zero ether value: money moves through the Token contract, never as ether. */
  VALUE_TRANSFER_NOT_SUPPORTED("value-transfer-not-supported");

  private final String code;

  TransactionRejection(String code) {
    this.code = code;
  }

  /** The stable lower-case code, e.g. {@code "wrong-chain-id"}. */
  public String code() {
    return code;
  }
}
