package io.fiscus.client.finality;

import io.fiscus.client.FiscusException;

/**
 * A genesis file the client cannot take its trust from: unreadable, not JSON, or without a QBFT
 * validator set in its {@code extraData}.
 */
public class InvalidGenesisException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /**
   * A genesis file refused for {@code message}.
   *
   * @param message what is wrong, naming the file and field
   */
  public InvalidGenesisException(String message) {
    super(message);
  }

  /**
   * A genesis file refused for {@code message}, found through {@code cause}.
   *
   * @param message what is wrong, naming the file and field
   * @param cause the parser's or the file system's error
   */
  public InvalidGenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
