package io.fiscus.genesis;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link GenesisGenerator} makes. Validator K (1-based) gets each base port + K-1; all ports
 * of all validators must be distinct and at most 65535.
 *
 * @param validators how many validators, 1..32
 * @param out the output directory (absent or empty)
 * @param chainId the chain id
 * @param blockPeriodMillis the block period, 100..60000 ms
 * @param accountsFile an accounts file to register instead of the demo accounts
 * @param p2pBasePort validator 1's p2p port
 * @param rpcHttpBasePort validator 1's JSON-RPC HTTP port
 * @param rpcWsBasePort validator 1's JSON-RPC WebSocket port
 * @param metricsBasePort validator 1's metrics port
 * @param rpcAuthentication whether the node.toml files turn RPC authentication on (every call but
 *     the harmless ones needs a bearer token); off only for development networks
 */
public record GeneratorOptions(
    int validators,
    Path out,
    long chainId,
    long blockPeriodMillis,
    Optional<Path> accountsFile,
    int p2pBasePort,
    int rpcHttpBasePort,
    int rpcWsBasePort,
    int metricsBasePort,
    boolean rpcAuthentication) {
  public static final int MAX_VALIDATORS = 32;
  public static final long DEFAULT_CHAIN_ID = 1337;
  public static final int DEFAULT_P2P_PORT = 30303;
  public static final int DEFAULT_RPC_HTTP_PORT = 8545;
  public static final int DEFAULT_RPC_WS_PORT = 8645;
  public static final int DEFAULT_METRICS_PORT = 9545;

  public GeneratorOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(accountsFile, "accountsFile");
    if (validators < 1 || validators > MAX_VALIDATORS) {
      throw new IllegalArgumentException(
          "validators must be 1.." + MAX_VALIDATORS + ", got " + validators);
    }
    if (chainId < 1) {
      throw new IllegalArgumentException("chain id must be positive, got " + chainId);
    }
    if (blockPeriodMillis < QbftOptions.MIN_BLOCK_PERIOD_MILLIS
        || blockPeriodMillis > QbftOptions.MAX_BLOCK_PERIOD_MILLIS) {
      throw new IllegalArgumentException(
          "block period must be "
              + QbftOptions.MIN_BLOCK_PERIOD_MILLIS
              + ".."
              + QbftOptions.MAX_BLOCK_PERIOD_MILLIS
              + " ms, got "
              + blockPeriodMillis);
    }
    Set<Integer> ports = new HashSet<>();
    for (int base : new int[] {p2pBasePort, rpcHttpBasePort, rpcWsBasePort, metricsBasePort}) {
      if (base < 1 || base + validators - 1 > 65535) {
        throw new IllegalArgumentException(
            "base port " + base + " leaves no room for " + validators + " validators");
      }
      for (int k = 0; k < validators; k++) {
        if (!ports.add(base + k)) {
          throw new IllegalArgumentException(
              "port " + (base + k) + " would be used twice; choose base ports further apart");
        }
      }
    }
  }

  /** {@code validators} validators into {@code out} with every other option at its default. */
  public static GeneratorOptions of(int validators, Path out) {
    return new GeneratorOptions(
        validators,
        out,
        DEFAULT_CHAIN_ID,
        QbftOptions.DEFAULT_BLOCK_PERIOD_MILLIS,
        Optional.empty(),
        DEFAULT_P2P_PORT,
        DEFAULT_RPC_HTTP_PORT,
        DEFAULT_RPC_WS_PORT,
        DEFAULT_METRICS_PORT,
        true);
  }

  public GeneratorOptions withChainId(long newChainId) {
    return new GeneratorOptions(
        validators,
        out,
        newChainId,
        blockPeriodMillis,
        accountsFile,
        p2pBasePort,
        rpcHttpBasePort,
        rpcWsBasePort,
        metricsBasePort,
        rpcAuthentication);
  }

  public GeneratorOptions withBlockPeriodMillis(long newBlockPeriodMillis) {
    return new GeneratorOptions(
        validators,
        out,
        chainId,
        newBlockPeriodMillis,
        accountsFile,
        p2pBasePort,
        rpcHttpBasePort,
        rpcWsBasePort,
        metricsBasePort,
        rpcAuthentication);
  }

  public GeneratorOptions withAccountsFile(Path file) {
    return new GeneratorOptions(
        validators,
        out,
        chainId,
        blockPeriodMillis,
        Optional.of(file),
        p2pBasePort,
        rpcHttpBasePort,
        rpcWsBasePort,
        metricsBasePort,
        rpcAuthentication);
  }

  public GeneratorOptions withBasePorts(int p2p, int rpcHttp, int rpcWs, int metrics) {
    return new GeneratorOptions(
        validators,
        out,
        chainId,
        blockPeriodMillis,
        accountsFile,
        p2p,
        rpcHttp,
        rpcWs,
        metrics,
        rpcAuthentication);
  }

  /** With RPC authentication on (the default) or off (a development network). */
  public GeneratorOptions withRpcAuthentication(boolean enabled) {
    return new GeneratorOptions(
        validators,
        out,
        chainId,
        blockPeriodMillis,
        accountsFile,
        p2pBasePort,
        rpcHttpBasePort,
        rpcWsBasePort,
        metricsBasePort,
        enabled);
  }
}
