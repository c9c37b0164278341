package io.fiscus.app;

import io.fiscus.rpc.limits.ClientLimits;
import io.fiscus.rpc.limits.RateLimit;
import io.fiscus.storage.rocksdb.RocksDbOpenException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fiscus node}: runs a validator or a full node until it is told to stop. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    versionProvider = FiscusVersion.class,
    description = "Runs a Fiscus node (a validator when its key is in the validator set).",
    sortOptions = false)
public final class NodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description = "TOML file with the same keys as the flags, without dashes.")
  Path configFile;

  @Option(
      names = "--data-path",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Directory of the node's database and key (default: ${DEFAULT-VALUE}).")
  Path dataPath;

  @Option(
      names = "--genesis-file",
      paramLabel = "FILE",
      description = "The network's genesis.json (required).")
  Path genesisFile;

  @Option(
      names = "--node-private-key-file",
      paramLabel = "FILE",
      description = "The node's secp256k1 key, hex (default: <data-path>/key, created if missing).")
  Path nodePrivateKeyFile;

  @Option(
      names = "--node-private-key-password-file",
      paramLabel = "FILE",
      description =
          "The password of an encrypted node key (a V3 keystore, see `fiscus key encrypt`);"
              + " default: the FISCUS_NODE_KEY_PASSWORD environment variable.")
  Path nodePrivateKeyPasswordFile;

  @Option(
      names = "--p2p-host",
      defaultValue = "127.0.0.1",
      description = "Default: ${DEFAULT-VALUE}")
  String p2pHost;

  @Option(names = "--p2p-port", defaultValue = "30303", description = "Default: ${DEFAULT-VALUE}")
  int p2pPort;

  @Option(
      names = "--bootnodes",
      split = ",",
      paramLabel = "ENODE",
      description = "Peers to connect to: enode://<128-hex public key>@host:port, comma-separated.")
  List<String> bootnodes = new ArrayList<>();

  @Option(
      names = "--p2p-ban-seconds",
      defaultValue = "600",
      description =
          "How long a peer that sends invalid blocks, another chain's hello, garbage or a flood"
              + " is banned (default: ${DEFAULT-VALUE}).")
  long p2pBanSeconds;

  @Option(
      names = "--permissions-nodes-config-file",
      paramLabel = "FILE",
      description =
          "TOML with nodes-allowlist=[enode URLs]: full nodes admitted besides the validators"
              + " (default: <data-path>/permissions_config.toml; reloaded when it changes).")
  Path permissionsNodesConfigFile;

  @Option(
      names = "--rpc-http-host",
      defaultValue = "127.0.0.1",
      description = "Default: ${DEFAULT-VALUE}")
  String rpcHttpHost;

  @Option(
      names = "--rpc-http-port",
      defaultValue = "8545",
      description =
          "JSON-RPC over HTTP, and WebSocket on the same port (default: ${DEFAULT-VALUE}).")
  int rpcHttpPort;

  @Option(
      names = "--rpc-ws-port",
      description = "A separate WebSocket port (default: WebSocket on the HTTP port).")
  Integer rpcWsPort;

  @Option(
      names = "--rpc-http-max-request-size",
      defaultValue = "5242880",
      description = "Largest request body in bytes (default: ${DEFAULT-VALUE}).")
  int rpcHttpMaxRequestBytes;

  @Option(
      names = "--rpc-max-batch-size",
      defaultValue = "1024",
      description = "Most calls in one batch (default: ${DEFAULT-VALUE}).")
  int rpcMaxBatchSize;

  @Option(
      names = "--rpc-authentication-enabled",
      arity = "0..1",
      defaultValue = "false",
      description =
          "Require an ES256K bearer token (JWT signed by the caller's account key) on every RPC"
              + " call but the harmless ones (default: ${DEFAULT-VALUE}).")
  boolean rpcAuthenticationEnabled;

  @Option(
      names = "--rpc-api-methods-no-auth",
      split = ",",
      defaultValue = "eth_chainId,eth_blockNumber,net_version,web3_clientVersion",
      description =
          "Methods served without a token when authentication is on (default: ${DEFAULT-VALUE}).")
  List<String> rpcMethodsNoAuth;

  @Option(
      names = "--rpc-rate-limit-per-ip",
      paramLabel = "N",
      defaultValue = "2000",
      description =
          "JSON-RPC calls a second from one IP address, each call of a batch counted; 0 = no"
              + " limit (default: ${DEFAULT-VALUE}).")
  long rpcRateLimitPerIp;

  @Option(
      names = "--rpc-rate-limit-per-ip-burst",
      paramLabel = "N",
      description =
          "Calls one IP address may send at once after a pause (default: twice the rate).")
  Long rpcRateLimitPerIpBurst;

  @Option(
      names = "--rpc-rate-limit-per-caller",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "JSON-RPC calls a second from one authenticated account; 0 = no limit (default:"
              + " ${DEFAULT-VALUE}).")
  long rpcRateLimitPerCaller;

  @Option(
      names = "--rpc-rate-limit-per-caller-burst",
      paramLabel = "N",
      description = "Calls one account may send at once after a pause (default: twice the rate).")
  Long rpcRateLimitPerCallerBurst;

  @Option(
      names = "--rpc-max-filters-per-caller",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Installed filters one account (or, without a token, one IP) may hold (default:"
              + " ${DEFAULT-VALUE}).")
  int rpcMaxFiltersPerCaller;

  @Option(
      names = "--rpc-max-subscriptions-per-caller",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "eth_subscribe subscriptions one account (or, without a token, one IP) may hold"
              + " (default: ${DEFAULT-VALUE}).")
  int rpcMaxSubscriptionsPerCaller;

  @Option(
      names = "--metrics-host",
      defaultValue = "127.0.0.1",
      description = "Default: ${DEFAULT-VALUE}")
  String metricsHost;

  @Option(
      names = "--metrics-port",
      defaultValue = "9545",
      description = "Prometheus metrics at /metrics (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--tx-pool-max-size",
      defaultValue = "100000",
      description = "Most pending transactions kept (default: ${DEFAULT-VALUE}).")
  int txPoolMaxSize;

  @Option(
      names = "--access-log-timeout-millis",
      defaultValue = "10000",
      description =
          "How long a look that must be recorded in the audit trail waits for its record's final"
              + " block before it is refused (default: ${DEFAULT-VALUE}).")
  long accessLogTimeoutMillis;

  @Option(
      names = "--logging",
      defaultValue = "INFO",
      description = "Log level: ERROR, WARN, INFO, DEBUG, TRACE (default: ${DEFAULT-VALUE}).")
  String logging;

  @Override
  public Integer call() throws InterruptedException {
    NodeConfig config = resolve().toConfig();
    try (FiscusNode node = start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "fiscus-shutdown"));
      node.awaitTermination();
    }
    return CliExit.OK;
  }

  /** This command's values, with the config file's settings under the command line's. */
  private NodeCommand resolve() {
    if (configFile == null) {
      return this;
    }
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    Set<String> given =
        parsed.matchedOptions().stream()
            .map(CommandLine.Model.OptionSpec::longestName)
            .collect(Collectors.toSet());
    List<String> arguments = new ArrayList<>(TomlConfigFile.asArguments(configFile, spec, given));
    List<String> original = parsed.originalArgs();
    // The parse result of a subcommand still starts with the parent's tokens: keep ours only.
    arguments.addAll(original.subList(original.indexOf(spec.name()) + 1, original.size()));
    NodeCommand merged = new NodeCommand();
    try {
      new CommandLine(merged).parseArgs(arguments.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw CliException.usage(configFile + ": " + e.getMessage());
    }
    return merged;
  }

  /** Starts the node; a data directory another node holds is one line and exit code 1. */
  private static FiscusNode start(NodeConfig config) {
    try {
      return FiscusNode.start(config);
    } catch (RocksDbOpenException e) {
      if (e.reason() == RocksDbOpenException.Reason.DIRECTORY_IN_USE) {
        throw new CliException(1, e.getMessage() + " (is another fiscus node running on it?)");
      }
      throw e;
    }
  }

  private NodeConfig toConfig() {
    if (genesisFile == null) {
      throw CliException.usage("missing --genesis-file (or genesis-file in --config-file)");
    }
    checkPort("--p2p-port", p2pPort);
    checkPort("--rpc-http-port", rpcHttpPort);
    checkPort("--metrics-port", metricsPort);
    if (rpcWsPort != null) {
      checkPort("--rpc-ws-port", rpcWsPort);
    }
    checkPositive("--rpc-http-max-request-size", rpcHttpMaxRequestBytes);
    checkPositive("--rpc-max-batch-size", rpcMaxBatchSize);
    checkPositive("--tx-pool-max-size", txPoolMaxSize);
    if (accessLogTimeoutMillis <= 0) {
      throw CliException.usage("--access-log-timeout-millis must be positive");
    }
    checkPositive("--rpc-max-filters-per-caller", rpcMaxFiltersPerCaller);
    checkPositive("--rpc-max-subscriptions-per-caller", rpcMaxSubscriptionsPerCaller);
    checkPositive("--p2p-ban-seconds", p2pBanSeconds);
    if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(logging)) {
      throw CliException.usage("--logging must be one of ERROR, WARN, INFO, DEBUG, TRACE");
    }
    for (String bootnode : bootnodes) {
      if (!bootnode.matches("enode://[0-9a-fA-F]{128}@[^:@\\s]+:\\d{1,5}")) {
        throw CliException.usage(
            "--bootnodes: not an enode URL (enode://<128-hex public key>@host:port): " + bootnode);
      }
    }
    return new NodeConfig(
        dataPath,
        genesisFile,
        Optional.ofNullable(nodePrivateKeyFile),
        Optional.ofNullable(nodePrivateKeyPasswordFile),
        p2pHost,
        p2pPort,
        bootnodes,
        p2pBanSeconds,
        Optional.ofNullable(permissionsNodesConfigFile),
        rpcHttpHost,
        rpcHttpPort,
        Optional.ofNullable(rpcWsPort),
        rpcHttpMaxRequestBytes,
        rpcMaxBatchSize,
        rpcAuthenticationEnabled,
        rpcMethodsNoAuth,
        clientLimits(),
        metricsHost,
        metricsPort,
        txPoolMaxSize,
        accessLogTimeoutMillis,
        logging);
  }

  private ClientLimits clientLimits() {
    return new ClientLimits(
        rateLimit("--rpc-rate-limit-per-ip", rpcRateLimitPerIp, rpcRateLimitPerIpBurst),
        rateLimit("--rpc-rate-limit-per-caller", rpcRateLimitPerCaller, rpcRateLimitPerCallerBurst),
        rpcMaxFiltersPerCaller,
        rpcMaxSubscriptionsPerCaller,
        ClientLimits.defaults().clientsTrackedMax());
  }

  private static RateLimit rateLimit(String flag, long perSecond, Long burst) {
    long burstOrDefault = burst != null ? burst : Math.max(1, 2 * perSecond);
    if (perSecond < 0 || perSecond > RateLimit.PER_SECOND_MAX) {
      throw CliException.usage(flag + " must be 0 (no limit) or a positive rate, not " + perSecond);
    }
    if (burstOrDefault < 1 || burstOrDefault > RateLimit.BURST_MAX) {
      throw CliException.usage(
          flag + "-burst must be between 1 and " + RateLimit.BURST_MAX + ", not " + burstOrDefault);
    }
    return new RateLimit(perSecond, burstOrDefault);
  }

  private static void checkPort(String flag, int port) {
    if (port < 0 || port > 65_535) {
      throw CliException.usage(flag + " must be a port number (0..65535), not " + port);
    }
  }

  private static void checkPositive(String flag, long value) {
    if (value <= 0) {
      throw CliException.usage(flag + " must be positive, not " + value);
    }
  }
}
