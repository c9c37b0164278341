package io.fiscus.app;

import io.fiscus.genesis.GeneratedNetwork;
import io.fiscus.genesis.GeneratorOptions;
import io.fiscus.genesis.GenesisException;
import io.fiscus.genesis.GenesisGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fiscus genesis}: makes the files a new network starts from. */
@Command(
    name = "genesis",
    description = "Create the genesis file, validator keys and node configs of a new network.",
    mixinStandardHelpOptions = true,
    subcommands = GenesisCommand.Generate.class)
public final class GenesisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: generate");
  }

  /** {@code fiscus genesis generate}. */
  @Command(
      name = "generate",
      description = {
        "Write DIR/genesis.json, DIR/accounts.json (demo accounts with keys) and, per validator,",
        "DIR/validatorK/key (mode 600) and DIR/validatorK/node.toml (start it with",
        "'fiscus node --config-file DIR/validatorK/node.toml'). Refuses a non-empty DIR."
      },
      mixinStandardHelpOptions = true)
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--validators",
        required = true,
        paramLabel = "N",
        description = "Number of validators, 1..32.")
    int validators;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(
        names = "--chain-id",
        paramLabel = "ID",
        defaultValue = "1337",
        description = "Chain id (default: ${DEFAULT-VALUE}).")
    long chainId;

    @Option(
        names = "--block-period-ms",
        paramLabel = "MS",
        defaultValue = "1000",
        description = "Block period in milliseconds, 100..60000 (default: ${DEFAULT-VALUE}).")
    long blockPeriodMillis;

    @Option(
        names = "--accounts",
        paramLabel = "FILE",
        description = "Accounts file to register instead of the demo accounts (docs/genesis.md).")
    Path accounts;

    @Option(
        names = "--rpc-authentication",
        paramLabel = "true|false",
        arity = "1",
        defaultValue = "true",
        description = {
          "Write rpc-authentication-enabled into each node.toml (default: ${DEFAULT-VALUE}): every",
          "RPC call but the harmless ones needs a bearer token. false only for development networks."
        })
    boolean rpcAuthentication;

    @Override
    public Integer call() {
      GeneratorOptions options = options();
      GeneratedNetwork network;
      try {
        network = new GenesisGenerator(new SecureRandom(), Clock.systemUTC()).generate(options);
      } catch (GenesisException e) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return spec.exitCodeOnInvalidInput();
      }
      report(network, spec.commandLine().getOut());
      return 0;
    }

    private GeneratorOptions options() {
      try {
        GeneratorOptions options =
            GeneratorOptions.of(validators, out)
                .withChainId(chainId)
                .withBlockPeriodMillis(blockPeriodMillis)
                .withRpcAuthentication(rpcAuthentication);
        return accounts == null ? options : options.withAccountsFile(accounts);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }

    private void report(GeneratedNetwork network, PrintWriter out) {
      out.printf(
          "Wrote a %d-validator network to %s (chain id %d, genesis hash %s)%n",
          network.validators().size(),
          this.out,
          network.genesis().chainId(),
          network.genesisHash().toHex());
      out.println(
          rpcAuthentication
              ? "RPC authentication on: callers need a bearer token (docs/running-a-node.md)"
              : "RPC authentication OFF: for development only");
      for (GeneratedNetwork.Validator v : network.validators()) {
        out.printf(
            "validator%d %s p2p %d rpc-http %d rpc-ws %d metrics %d%n",
            v.number(),
            v.address().toHex(),
            v.p2pPort(),
            v.rpcHttpPort(),
            v.rpcWsPort(),
            v.metricsPort());
      }
      out.flush();
    }
  }
}
