package io.fiscus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@code fiscus} process started from this test's own classpath, on loopback ports picked
 * free at construction. Output goes to a log file that failing tests print.
 */
public final class NodeProcess implements AutoCloseable {
  private static final int PORT_RANGE_START = 20_000;
  private static final int PORT_RANGE_SIZE = 12_000;
  private static final AtomicInteger nextPort =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(PORT_RANGE_SIZE));

  private final Path configFile;
  private final Path log;
  private final int rpcPort = freePort();
  private final int p2pPort;
  private final int metricsPort = freePort();
  private final int webSocketPort = freePort();
  private final List<String> extraArguments;
  private Process process;

  NodeProcess(Path configFile, List<String> extraArguments) {
    this(configFile, freePort(), extraArguments);
  }

  /**
   * A node on a p2p port chosen by the caller (a cluster names every node's p2p port in the others'
   * bootnodes before any starts).
   */
  public NodeProcess(Path configFile, int p2pPort, List<String> extraArguments) {
    this.configFile = configFile;
    this.p2pPort = p2pPort;
    this.log = configFile.resolveSibling("node.log");
    this.extraArguments = List.copyOf(extraArguments);
  }

  /** Runs {@code fiscus args...} to completion and returns its exit code; output in {@code log}. */
  public static int runCli(Path log, String... args) {
    try {
      Process cli =
          new ProcessBuilder(command(List.of(args)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!cli.waitFor(60, TimeUnit.SECONDS)) {
        cli.destroyForcibly();
        throw new IllegalStateException("fiscus " + String.join(" ", args) + " did not finish");
      }
      return cli.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.fiscus.app.Main");
    command.addAll(args);
    return command;
  }

  public void start() {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "node",
            "--config-file",
            configFile.toString(),
            "--rpc-http-port",
            Integer.toString(rpcPort),
            "--p2p-port",
            Integer.toString(p2pPort),
            "--metrics-port",
            Integer.toString(metricsPort),
            "--rpc-ws-port",
            Integer.toString(webSocketPort)));
    args.addAll(extraArguments);
    try {
      process =
          new ProcessBuilder(command(args))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node answers {@code eth_blockNumber}; fails with the log's tail if it dies. */
  public void awaitServing(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient client = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(rpcUrl()))
                    .timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    throw new IllegalStateException("node did not serve RPC in " + timeout + ":\n" + logTail());
  }

  /** SIGKILL: no shutdown hook, no flush; what was committed must survive. */
  public void kill9() {
    process.destroyForcibly();
    waitExit();
  }

  /** SIGTERM: a clean shutdown; returns the exit code. */
  public int stop() {
    process.destroy();
    return waitExit();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  private int waitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort + "/";
  }

  public String wsUrl() {
    return "ws://127.0.0.1:" + rpcPort + "/";
  }

  public String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort + "/metrics";
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  public int p2pPort() {
    return p2pPort;
  }

  /** The operating-system process id of the running node (for /proc/<pid>/stat). */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (isAlive()) {
      kill9();
    }
  }

  /**
   * A loopback port free now, below Linux's ephemeral range (32768+): a port the OS hands out for
   * port 0 can be taken by an outgoing connection before our node binds it (seen: a p2p port
   * answered by another node's HTTP server), so ports come from a range outgoing connections never
   * use. Each JVM starts at a random offset and counts up, so parallel JVMs rarely meet.
   */
  public static int freePort() {
    while (true) {
      int candidate = PORT_RANGE_START + Math.floorMod(nextPort.getAndIncrement(), PORT_RANGE_SIZE);
      try (ServerSocket socket =
          new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // in use: try the next one
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
