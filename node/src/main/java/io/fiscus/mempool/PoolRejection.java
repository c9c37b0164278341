package io.fiscus.mempool;

/**
 * Why the pool refused a transaction, with the JSON-RPC error code and message clients see (Besu's
 * codes and texts, see RPC.md).
 */
public enum PoolRejection {
  MALFORMED(-32602, "Invalid params"),
  INVALID_SIGNATURE(-32002, "Invalid signature"),
  WRONG_CHAIN_ID(-32000, "Wrong chainId"),
  CHAIN_ID_REQUIRED(-32000, "ChainId is required"),
  NONCE_TOO_LOW(-32001, "Nonce too low"),
  NONCE_TOO_DISTANT(-32000, "Transaction nonce is too distant from current sender nonce"),
  INTRINSIC_GAS_EXCEEDS_GAS_LIMIT(-32003, "Intrinsic gas exceeds gas limit"),
  EXCEEDS_BLOCK_GAS_LIMIT(-32005, "Transaction gas limit exceeds block gas limit"),
  SENDER_NOT_AUTHORIZED(-32007, "Sender account not authorized to send transactions"),
  SENDER_FROZEN(-32000, "Sender account is frozen"),
  KNOWN_TRANSACTION(-32000, "Known transaction"),
  POOL_FULL(-32000, "Transaction pool is full"),
  SENDER_QUEUE_FULL(-32000, "Transaction pool is full"),
  /**
   * The sender already has a different pooled transaction with this nonce. Gas is free on Fiscus,
   * so there is no fee bump that could justify a replacement: Besu's text for a refused one.
   */
  REPLACEMENT_NOT_ALLOWED(-32000, "Replacement transaction underpriced"),
  /**
   * The raw transaction or its call data exceeds the admission limit. A parameter too large, not a
   * request too large (-32600 is for the HTTP body and batch limits), hence Invalid params; a
   * reason of its own so the metric tells oversize apart from garbage.
   */
  OVERSIZE_TRANSACTION(-32602, "Invalid params");

  private final int code;
  private final String message;

  PoolRejection(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  public String message() {
    return message;
  }
}
