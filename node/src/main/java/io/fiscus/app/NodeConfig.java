package io.fiscus.app;

import io.fiscus.rpc.limits.ClientLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code fiscus node} was told, after the command line and the config file were merged
 * and checked. Immutable; the composition root reads it once.
 *
 * @param nodePrivateKeyFile the node key; when absent, {@code <data-path>/key} (created if missing)
 * @param nodePrivateKeyPasswordFile the keystore password's file, when the key file is a keystore
 *     (else the password comes from {@code FISCUS_NODE_KEY_PASSWORD})
 * @param p2pBanSeconds how long a misbehaving peer is banned
 * @param permissionsNodesConfigFile the full nodes allowed to connect; when absent, {@code
 *     <data-path>/permissions_config.toml} (a missing file admits validators only)
 * @param rpcWsPort a separate WebSocket port; when absent, WebSocket is served on the HTTP port
 * @param rpcAuthenticationEnabled every RPC call but {@code rpcMethodsNoAuth} needs a bearer token
 * @param rpcMethodsNoAuth the methods served without a token when authentication is enabled
 * @param rpcClientLimits the rate limits per IP and per caller, and the caps on filters and
 *     subscriptions per caller
 * @param accessLogTimeoutMillis how long a recorded look waits for its record's final block
 */
public record NodeConfig(
    Path dataPath,
    Path genesisFile,
    Optional<Path> nodePrivateKeyFile,
    Optional<Path> nodePrivateKeyPasswordFile,
    String p2pHost,
    int p2pPort,
    List<String> bootnodes,
    long p2pBanSeconds,
    Optional<Path> permissionsNodesConfigFile,
    String rpcHttpHost,
    int rpcHttpPort,
    Optional<Integer> rpcWsPort,
    int rpcHttpMaxRequestBytes,
    int rpcMaxBatchSize,
    boolean rpcAuthenticationEnabled,
    List<String> rpcMethodsNoAuth,
    ClientLimits rpcClientLimits,
    String metricsHost,
    int metricsPort,
    int txPoolMaxSize,
    long accessLogTimeoutMillis,
    String logging) {

  public NodeConfig {
    bootnodes = List.copyOf(bootnodes);
    rpcMethodsNoAuth = List.copyOf(rpcMethodsNoAuth);
  }

  /** The full nodes admitted besides the validators (Besu's {@code nodes-allowlist} TOML). */
  public Path permissionsFile() {
    return permissionsNodesConfigFile.orElse(dataPath.resolve("permissions_config.toml"));
  }

  /** The node key file actually used. */
  public Path keyFile() {
    return nodePrivateKeyFile.orElse(dataPath.resolve("key"));
  }
}
