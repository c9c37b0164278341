package io.fiscus.client.cli;

/**
 * Input the user can fix before anything is sent: a missing key, an unreadable key file, options
 * that contradict each other. Reported as one line with exit code 2, like a bad flag.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
