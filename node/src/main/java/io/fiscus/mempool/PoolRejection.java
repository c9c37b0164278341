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
  SENDER_QUEUE_FULL(-32000, "Transaction pool is full");

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
