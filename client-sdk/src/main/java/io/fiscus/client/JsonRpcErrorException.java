package io.fiscus.client;

import java.util.Optional;

/**
 * The node answered a request with a JSON-RPC error ({@code docs/rpc.md}, "Errors"): bad
 * parameters, an unknown method, a saturated server. Nothing changed on the ledger.
 */
public class JsonRpcErrorException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /** {@code -32602 Invalid params}. */
  public static final int INVALID_PARAMS = -32602;

  /** {@code -32601 Method not found}. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** {@code 3 Execution reverted}, for {@code eth_call} and {@code eth_estimateGas}. */
  public static final int EXECUTION_REVERTED = 3;

  /** The JSON-RPC error code. */
  private final int code;

  /** The error's message. */
  private final String rpcMessage;

  /** The error's detail, or null. */
  private final String data;

  /**
   * An error the node returned.
   *
   * @param method the JSON-RPC method called
   * @param code the JSON-RPC error code
   * @param rpcMessage the error's message
   * @param data the error's {@code data} detail, or null if none
   */
  public JsonRpcErrorException(String method, int code, String rpcMessage, String data) {
    super(method + " failed: " + code + " " + rpcMessage + (data == null ? "" : " (" + data + ")"));
    this.code = code;
    this.rpcMessage = rpcMessage;
    this.data = data;
  }

  /**
   * The JSON-RPC error code, e.g. {@code -32602}.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  /**
   * The error's message as the node sent it, e.g. {@code Nonce too low}.
   *
   * @return the message
   */
  public String rpcMessage() {
    return rpcMessage;
  }

  /**
   * The error's {@code data} detail, e.g. the reason a parameter is invalid.
   *
   * @return the detail, if the node sent one
   */
  public Optional<String> data() {
    return Optional.ofNullable(data);
  }
}
