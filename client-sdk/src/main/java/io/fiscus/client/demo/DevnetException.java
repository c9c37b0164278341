package io.fiscus.client.demo;

/**
 * A devnet failure with a message a person can act on ("port 8545 is in use…"): printed as one
 * line, without a stack trace unless {@code --verbose}.
 */
final class DevnetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DevnetException(String message) {
    super(message);
  }

  DevnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
