package io.fiscus.client;

/**
 * The node's visibility rules refused the call ({@code -32000 Forbidden}): the caller may not see
 * this account's data, or it is an authority's look that needs a reason ({@link
 * FiscusClient#withReason}) or could not be recorded. {@link #reason()} says which. Nothing was
 * answered.
 */
public class ForbiddenException extends JsonRpcErrorException {
  private static final long serialVersionUID = 1L;

  /** {@code -32000}, the code the node answers refusals with. */
  public static final int FORBIDDEN = -32000;

  /** The message of a visibility refusal, as opposed to other -32000 errors. */
  public static final String MESSAGE = "Forbidden";

  /**
   * A refusal.
   *
   * @param method the JSON-RPC method called
   * @param data the node's reason, or null
   */
  public ForbiddenException(String method, String data) {
    super(method, FORBIDDEN, MESSAGE, data);
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
