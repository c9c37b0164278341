package io.fiscus.client;

import java.util.Locale;

/**
 * The node refused a signed transaction at submission ({@code eth_sendRawTransaction} answered a
 * JSON-RPC error): it is not pooled and will never be included, and its nonce was not used. {@link
 * #rejection()} classifies the error so callers can react without matching message text.
 */
public class TransactionRejectedException extends JsonRpcErrorException {
  private static final long serialVersionUID = 1L;

  /** Why the node refused a transaction, from its JSON-RPC code and message. */
  public enum Rejection {
    /** {@code -32001}: the nonce is below the account's; another client used the account. */
    NONCE_TOO_LOW,
    /** {@code -32000}: the nonce is too far above the account's. */
    NONCE_TOO_DISTANT,
    /** {@code -32000}: the same transaction is already pooled. */
    KNOWN_TRANSACTION,
    /** {@code -32000}: another pooled transaction has this sender and nonce. */
    NONCE_ALREADY_POOLED,
    /** {@code -32000}: the pool is full; try again later. */
    POOL_FULL,
    /** {@code -32002}: the signature matches no key. */
    INVALID_SIGNATURE,
    /** {@code -32003}: the gas limit is below the call's fixed cost. */
    INTRINSIC_GAS,
    /** {@code -32005}: the gas limit is above the block's, or the server is saturated. */
    LIMIT_EXCEEDED,
    /** {@code -32007}: the sender is not registered. */
    SENDER_NOT_AUTHORIZED,
    /** {@code -32000}: the sender is frozen. */
    SENDER_FROZEN,
    /** {@code -32000}: signed for another chain, or without a chain id. */
    WRONG_CHAIN,
    /** {@code -32602}: malformed or oversize; {@link #data()} carries the decoder's reason. */
    MALFORMED,
    /** Anything else. */
    OTHER;

    /**
     * Classifies a JSON-RPC error of {@code eth_sendRawTransaction}.
     *
     * @param code the error code
     * @param message the error message
     * @return the rejection
     */
    public static Rejection of(int code, String message) {
      String text = message.toLowerCase(Locale.ROOT);
      return switch (code) {
        case -32001 -> NONCE_TOO_LOW;
        case -32002 -> INVALID_SIGNATURE;
        case -32003 -> INTRINSIC_GAS;
        case -32005 -> LIMIT_EXCEEDED;
        case -32007 -> SENDER_NOT_AUTHORIZED;
        case INVALID_PARAMS -> MALFORMED;
        case -32000 -> ofServerError(text);
        default -> OTHER;
      };
    }

    private static Rejection ofServerError(String text) {
      if (text.contains("too distant")) {
        return NONCE_TOO_DISTANT;
      } else if (text.contains("known transaction")) {
        return KNOWN_TRANSACTION;
      } else if (text.contains("replacement transaction")) {
        return NONCE_ALREADY_POOLED;
      } else if (text.contains("pool is full")) {
        return POOL_FULL;
      } else if (text.contains("frozen")) {
        return SENDER_FROZEN;
      } else if (text.contains("chainid")) {
        return WRONG_CHAIN;
      }
      return OTHER;
    }
  }

  /** Why the node refused the transaction. */
  private final Rejection rejection;

  /**
   * A refused transaction.
   *
   * @param code the JSON-RPC error code
   * @param rpcMessage the error message
   * @param data the error's detail, or null
   */
  public TransactionRejectedException(int code, String rpcMessage, String data) {
    super("eth_sendRawTransaction", code, rpcMessage, data);
    this.rejection = Rejection.of(code, rpcMessage);
  }

  /**
   * Why the node refused the transaction.
   *
   * @return the classified reason
   */
  public Rejection rejection() {
    return rejection;
  }
}
