package io.fiscus.tx;

/** The transaction envelopes Fiscus accepts: legacy (untyped) and EIP-1559 (type 0x02). */
public enum TransactionType {
  /** The untyped envelope, an RLP list of nine items; EIP-155 protects it with a chain id. */
  LEGACY,
  /** EIP-1559: {@code 0x02 ‖ rlp([chainId, nonce, tip, feeCap, gas, to, value, data, ...])}. */
  EIP_1559;

  /** The EIP-2718 type byte of {@link #EIP_1559}. */
  public static final int EIP_1559_TYPE_BYTE = 0x02;
}
