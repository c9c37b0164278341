package io.fiscus.app;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports bad command-line input as one line on stderr ({@code fiscus genesis generate: Missing
 * required option: '--out=DIR'}) and exits with picocli's invalid-input code, 2, instead of
 * printing the whole usage text.
 */
public final class OneLineErrors implements IParameterExceptionHandler {

  /**
   * Installs the handler on {@code commandLine} and every subcommand it has now; call it after
   * adding subcommands.
   */
  public static CommandLine install(CommandLine commandLine) {
    return commandLine.setParameterExceptionHandler(new OneLineErrors());
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine failed = ex.getCommandLine();
    failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
    failed.getErr().flush();
    return failed.getCommandSpec().exitCodeOnInvalidInput();
  }
}
