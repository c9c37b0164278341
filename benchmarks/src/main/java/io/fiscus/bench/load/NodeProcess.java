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
 * and starts one validator of it on loopback with free ports. The child's output goes to a log
 * file, never to this process's console.
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
            "" + blockPeriodMs);
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

  /** Starts {@code fiscus node} for the validator whose node.toml is {@code configFile}. */
  public static NodeProcess start(Launcher launcher, Path configFile, Path dataPath, Path logFile) {
    int rpcPort = freePort();
    int p2pPort = freePort();
    int metricsPort = freePort();
    // A separate WebSocket port too, so a port fixed in the generated node.toml cannot collide.
    int webSocketPort = freePort();
    List<String> arguments =
        List.of(
            "node",
            "--config-file",
            configFile.toString(),
            "--data-path",
            dataPath.toString(),
            "--rpc-http-port",
            "" + rpcPort,
            "--p2p-port",
            "" + p2pPort,
            "--metrics-port",
            "" + metricsPort,
            "--rpc-ws-port",
            "" + webSocketPort);
    try {
      Process process =
          new ProcessBuilder(launcher.command(arguments))
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
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException("no free port on loopback", failed);
    }
  }
}
