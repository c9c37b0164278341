package io.fiscus.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code fiscus node} was told, after the command line and the config file were merged
 * and checked. Immutable; the composition root reads it once.
 *
 * @param nodePrivateKeyFile the node key; when absent, {@code <data-path>/key} (created if missing)
 * @param rpcWsPort a separate WebSocket port; when absent, WebSocket is served on the HTTP port
 */
public record NodeConfig(
    Path dataPath,
    Path genesisFile,
    Optional<Path> nodePrivateKeyFile,
    String p2pHost,
    int p2pPort,
    List<String> bootnodes,
    String rpcHttpHost,
    int rpcHttpPort,
    Optional<Integer> rpcWsPort,
    int rpcHttpMaxRequestBytes,
    int rpcMaxBatchSize,
    String metricsHost,
    int metricsPort,
    int txPoolMaxSize,
    String logging) {

  public NodeConfig {
    bootnodes = List.copyOf(bootnodes);
  }

  /** The node key file actually used. */
  public Path keyFile() {
    return nodePrivateKeyFile.orElse(dataPath.resolve("key"));
  }
}
