package io.fiscus.rlp;

/** Input that is not canonical RLP, or not the shape a codec expects. */
public final class RlpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }
}
