package io.fiscus.app;

/** The {@code fiscus} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(FiscusCommand.commandLine().execute(args));
  }
}
