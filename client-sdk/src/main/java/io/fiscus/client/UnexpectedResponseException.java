package io.fiscus.client;

/**
 * The node's answer does not have the shape {@code docs/rpc.md} documents (a missing member, a
 * malformed quantity). A bug in the node or a node of an incompatible version.
 */
public class UnexpectedResponseException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /**
   * A malformed answer.
   *
   * @param message what was wrong
   */
  public UnexpectedResponseException(String message) {
    super(message);
  }

  /**
   * A malformed answer.
   *
   * @param message what was wrong
   * @param cause the parse error
   */
  public UnexpectedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
