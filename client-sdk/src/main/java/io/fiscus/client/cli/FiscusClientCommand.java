package io.fiscus.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code fiscus-client}: pay, invoice, record and look up the ledger from a shell, through the SDK.
 * The global options (node, key, output) may be given before or after the command's name.
 */
@Command(
    name = "fiscus-client",
    description =
        "Use a Fiscus ledger from the command line: balances, payments, tax invoices, ledger"
            + " records and accounts. Amounts are decimal currency (12.50). Transactions wait"
            + " until final and print their block.%n"
            + "Exit codes: 0 done, 1 refused or reverted or node error, 2 usage error.",
    subcommands = {
      BalanceCommand.class,
      TransferCommand.class,
      HistoryCommand.class,
      InvoiceCommand.class,
      TaxSummaryCommand.class,
      RecordCommand.class,
      AccountCommand.class,
      MintCommand.class,
      RedeemCommand.class,
      StatusCommand.class,
      TokenCommand.class,
    })
public final class FiscusClientCommand {
  /** A devnet's first validator: what {@code fiscus genesis generate} writes for validator1. */
  static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help.")
  boolean help;

  @Option(
      names = "--rpc-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:FISCUS_RPC_URL:-" + DEFAULT_RPC_URL + "}",
      description =
          "The node's JSON-RPC URL (default: $FISCUS_RPC_URL or " + DEFAULT_RPC_URL + ").")
  URI rpcUrl;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The acting account's private key: 64 hex digits, 0x optional.")
  Path keyFile;

  @Option(
      names = "--keystore",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The acting account's encrypted keystore file (with --password-file).")
  Path keystore;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "File whose first line is the keystore's password.")
  Path passwordFile;

  @Option(
      names = "--access-reason",
      paramLabel = "TEXT",
      scope = ScopeType.INHERIT,
      description =
          "Why you look (a case number): signed into the bearer token, for the node's access log"
              + " when an authority looks at an account not its own. Needs a key.")
  String reason;

  @Option(
      names = "--genesis-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "Verify each transaction's finality yourself, trusting only the validators of this"
              + " genesis.json: its block's commit seals and Merkle proofs, not the node's word.")
  Path genesisFile;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print JSON for scripts instead of aligned text.")
  boolean json;

  @Option(
      names = "--timeout-seconds",
      paramLabel = "N",
      scope = ScopeType.INHERIT,
      defaultValue = "60",
      description =
          "How long to wait for a transaction to become final (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  /** Options are set by picocli; see {@link #commandLine()}. */
  FiscusClientCommand() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with its error conventions: one line on stderr, exit code 1 for a refused or
   * reverted transaction or a node error, 2 for a usage error.
   *
   * @return a new command line; {@code execute(args)} runs it and returns the exit code
   */
  public static CommandLine commandLine() {
    ErrorReport errors = new ErrorReport();
    CommandLine commandLine =
        Arguments.registerConverters(new CommandLine(new FiscusClientCommand()))
            .setParameterExceptionHandler(errors)
            .setExecutionExceptionHandler(errors);
    abbreviateSynopses(commandLine);
    return commandLine;
  }

  /** {@code fiscus-client invoice list [OPTIONS]}: the global options would fill the synopsis. */
  private static void abbreviateSynopses(CommandLine commandLine) {
    commandLine.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    commandLine.getSubcommands().values().forEach(FiscusClientCommand::abbreviateSynopses);
  }

  Duration timeout() {
    if (timeoutSeconds <= 0) {
      throw new UsageException("--timeout-seconds must be positive, not " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
