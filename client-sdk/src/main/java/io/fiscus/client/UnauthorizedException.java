package io.fiscus.client;

/**
 * The node runs with {@code --rpc-authentication-enabled} and refused the request's bearer token,
 * or there was none ({@code -40100 Unauthorized}): {@link #reason()} says which, e.g. {@code the
 * token has expired (exp)} or {@code cbdc_getAccount needs an Authorization: Bearer <JWT> header}.
 * Nothing was done. A client made with {@link FiscusClient#connect} sends tokens by itself; a
 * read-only client without a key only reaches the node's public methods.
 */
public class UnauthorizedException extends JsonRpcErrorException {
  private static final long serialVersionUID = 1L;

  /** {@code -40100 Unauthorized}. */
  public static final int UNAUTHORIZED = -40100;

  /**
   * A refusal.
   *
   * @param method the JSON-RPC method called
   * @param rpcMessage the error's message, {@code Unauthorized}
   * @param data the node's reason, or null
   */
  public UnauthorizedException(String method, String rpcMessage, String data) {
    super(method, UNAUTHORIZED, rpcMessage, data);
  }

  /**
   * Why the node refused: its {@code data}, else its message.
   *
   * @return the reason
   */
  public String reason() {
    return data().orElse(rpcMessage());
  }
}
