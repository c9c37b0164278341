package io.fiscus.app;

import io.fiscus.rpc.limits.ClientLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@link NodeConfig} of a node run inside a test's JVM: loopback only, ports chosen by the OS
 * unless given, default limits, quiet logging. One place to follow when the config grows a field.
 */
final class InProcessConfigs {
  private InProcessConfigs() {}

  /** A node with its own data directory and key, no peers. */
  static NodeConfig alone(Path dataPath, Path genesisFile, Path keyFile) {
    return withPeers(dataPath, genesisFile, keyFile, 0, List.of(), 10_000);
  }

  /** A node listening for peers on {@code p2pPort} and dialing {@code bootnodes}. */
  static NodeConfig withPeers(
      Path dataPath,
      Path genesisFile,
      Path keyFile,
      int p2pPort,
      List<String> bootnodes,
      long accessLogTimeoutMillis) {
    return new NodeConfig(
        dataPath,
        genesisFile,
        Optional.of(keyFile),
        Optional.empty(),
        "127.0.0.1",
        p2pPort,
        bootnodes,
        600,
        Optional.empty(),
        "127.0.0.1",
        0,
        Optional.empty(),
        1 << 20,
        100,
        false,
        List.of(),
        ClientLimits.defaults(),
        "127.0.0.1",
        0,
        1_000,
        accessLogTimeoutMillis,
        "WARN");
  }
}
