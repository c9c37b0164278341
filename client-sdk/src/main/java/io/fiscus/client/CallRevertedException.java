package io.fiscus.client;

/**
 * A read-only contract call ({@code eth_call}) reverted: error code 3 with the contract's revert
 * reason, e.g. {@code no record} or {@code invalid tier}.
 */
public class CallRevertedException extends JsonRpcErrorException {
  private static final long serialVersionUID = 1L;

  /** The contract's revert reason. */
  private final String reason;

  /**
   * A reverted call.
   *
   * @param rpcMessage the error's message, {@code Execution reverted: <reason>}
   * @param data the ABI-encoded {@code Error(string)}, or null
   * @param reason the decoded revert reason
   */
  public CallRevertedException(String rpcMessage, String data, String reason) {
    super("eth_call", EXECUTION_REVERTED, rpcMessage, data);
    this.reason = reason;
  }

  /**
   * The contract's revert reason, e.g. {@code no record}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
