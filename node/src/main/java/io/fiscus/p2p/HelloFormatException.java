package io.fiscus.p2p;

/** Hello bytes that do not decode. */
public final class HelloFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HelloFormatException(String message) {
    super(message);
  }
}
