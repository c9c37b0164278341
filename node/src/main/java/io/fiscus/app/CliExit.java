package io.fiscus.app;

/** The exit codes of the {@code fiscus} commands. */
public final class CliExit {
  private CliExit() {}

  public static final int OK = 0;

  /** The node or tool failed while running. */
  public static final int FAILURE = 1;

  /** A bad flag, config value, or input file: nothing was started. */
  public static final int USAGE = 2;
}
