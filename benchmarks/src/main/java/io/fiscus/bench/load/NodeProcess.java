package io.fiscus.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code fiscus} CLI ({@code io.fiscus.app.Main}) in child JVMs: generates a network
 * and starts nodes of it on loopback with free ports. The child's output goes to a log file, never
 * to this process's console.
 */
public final class NodeProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "io.fiscus.app.Main";
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Process process;
  private final URI rpcUri;
  private final URI metricsUri;
  private final Path logFile;

  private NodeProcess(Process process, URI rpcUri, URI metricsUri, Path logFile) {
    this.process = process;
    this.rpcUri = rpcUri;
    this.metricsUri = metricsUri;
    this.logFile = logFile;
  }

  /**
   * How to launch the CLI.
   *
   * @param javaBinary the java executable
   * @param classpath the node's classpath
   * @param jvmOptions options before the main class
   */
  public record Launcher(Path javaBinary, String classpath, List<String> jvmOptions) {
    public Launcher {
      jvmOptions = List.copyOf(jvmOptions);
    }

    List<String> command(List<String> arguments) {
      List<String> command = new ArrayList<>();
      command.add(javaBinary.toString());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(classpath);
      command.add(MAIN_CLASS);
      command.addAll(arguments);
      return command;
    }
  }

  /**
   * {@code fiscus genesis generate} into {@code networkDir} (which must not exist yet); fails with
   * the CLI's output if it exits non-zero.
   */
  public static void generateNetwork(
      Launcher launcher, Path networkDir, int validators, long chainId, int blockPeriodMs) {
    List<String> arguments =
        List.of(
            "genesis",
            "generate",
            "--validators",
            "" + validators,
            "--out",
            networkDir.toString(),
            "--chain-id",
            "" + chainId,
            "--block-period-ms",
            "" + blockPeriodMs,
            // The load generator sends unauthenticated raw transactions: the figures measure
            // consensus and execution, not token checks (ADR 0024).
            "--rpc-authentication=false");
    Path log = networkDir.resolveSibling("genesis-generate.log");
    try {
      Process generate =
          new ProcessBuilder(launcher.command(arguments))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!generate.waitFor(120, TimeUnit.SECONDS)) {
        generate.destroyForcibly();
        throw new IllegalStateException("fiscus genesis generate did not finish in 120 s");
      }
      if (generate.exitValue() != 0) {
        throw new IllegalStateException(
            "fiscus genesis generate exited "
                + generate.exitValue()
                + ":\n"
                + Files.readString(log));
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot run fiscus genesis generate", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }

  /**
   * Starts {@code fiscus node} with free RPC, WebSocket and metrics ports on loopback.
   *
   * @param launcher how to run the CLI
   * @param arguments the node's own arguments ({@code --config-file}, {@code --bootnodes}…), placed
   *     before the port flags
   * @param p2pPort the p2p port, chosen by the caller so that peers can name it in advance
   * @param dataPath the node's data directory
   * @param logFile where the node's output goes
   */
  public static NodeProcess start(
      Launcher launcher, List<String> arguments, int p2pPort, Path dataPath, Path logFile) {
    int rpcPort = freePort();
    int metricsPort = freePort();
    // A separate WebSocket port too, so a port fixed in the generated node.toml cannot collide.
    int webSocketPort = freePort();
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(arguments);
    command.addAll(
        List.of(
            "--data-path",
            dataPath.toString(),
            "--rpc-http-port",
            "" + rpcPort,
            "--p2p-port",
            "" + p2pPort,
            "--metrics-port",
            "" + metricsPort,
            "--rpc-ws-port",
            "" + webSocketPort,
            // The benchmark measures the node, not a client's allowance: it offers thousands of
            // calls a second from one IP, far above the per-client defaults (ADR 0022).
            "--rpc-rate-limit-per-ip",
            "0",
            "--rpc-rate-limit-per-caller",
            "0"));
    try {
      Process process =
          new ProcessBuilder(launcher.command(command))
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      return new NodeProcess(
          process,
          URI.create("http://127.0.0.1:" + rpcPort + "/"),
          URI.create("http://127.0.0.1:" + metricsPort + "/metrics"),
          logFile);
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot start fiscus node", failed);
    }
  }

  /**
   * Waits until the node answers {@code eth_chainId} with {@code chainId}.
   *
   * @throws IllegalStateException with the log's tail if the node exits, serves another chain, or
   *     does not answer within {@code timeout}
   */
  public void awaitRpc(long chainId, Duration timeout) {
    JsonRpcClient rpc = new JsonRpcClient(rpcUri);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!isAlive()) {
        throw new IllegalStateException("the node exited at start:\n" + logTail());
      }
      try {
        long served = Long.decode(rpc.call("eth_chainId").asText());
        if (served != chainId) {
          throw new IllegalStateException("the node serves chain " + served + ", not " + chainId);
        }
        return;
      } catch (UncheckedIOException | JsonRpcClient.RpcError notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the node's RPC did not answer within " + timeout.toSeconds() + " s:\n" + logTail(),
              notYet);
        }
        NetworkSetup.sleepMillis(200);
      }
    }
  }

  /** The last 30 lines of the node's log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException unreadable) {
      return "(no log at " + logFile + ")";
    }
  }

  public long pid() {
    return process.pid();
  }

  public URI rpcUri() {
    return rpcUri;
  }

  public URI metricsUri() {
    return metricsUri;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the node with SIGTERM (its clean shutdown), then SIGKILL after a grace period. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A port free on loopback right now. Another process could take it before the node binds it; on a
   * quiet machine that is rare, and the node then fails to start with a clear log line.
   */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException("no free port on loopback", failed);
    }
  }
}
