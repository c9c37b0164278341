package io.fiscus.app;

/** A problem the user can fix, reported as one line with an exit code. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A bad flag, config value or input file (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(CliExit.USAGE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
