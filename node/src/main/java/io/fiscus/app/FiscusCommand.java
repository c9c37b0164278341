package io.fiscus.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fiscus}: the node and the tools around it, in Hyperledger Besu's command style. */
@Command(
    name = "fiscus",
    mixinStandardHelpOptions = true,
    versionProvider = FiscusVersion.class,
    description = "Fiscus: a permissioned QBFT ledger for a central-bank digital currency.",
    subcommands = {
      NodeCommand.class,
      GenesisCommand.class,
      KeyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FiscusCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The command line with Fiscus' conventions: a bad flag or config value prints one line and exits
   * 2; a failure while running prints one line and exits 1.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = OneLineErrors.install(new CommandLine(new FiscusCommand()));
    commandLine.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          if (ex instanceof CliException cli) {
            failed
                .getErr()
                .println(failed.getCommandSpec().qualifiedName() + ": " + cli.getMessage());
            return cli.exitCode();
          }
          throw ex;
        });
    return commandLine;
  }
}
