package io.fiscus.client.demo;

import io.fiscus.client.Fiscus;
import io.fiscus.client.auth.AuthenticatedHttp;
import io.fiscus.client.auth.BearerTokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One validator of the devnet as its own operating-system process: {@code fiscus node --config-file
 * validatorK/node.toml} with explicit ports and bootnodes, output appended to {@code
 * validatorK/node.log}, its process id in {@code validatorK/node.pid} while it runs (so that a
 * later devnet can stop it if this orchestrator dies).
 */
final class ValidatorNode {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  final int index;
  final String name;
  final String address;
  final NodePorts ports;
  private final DevnetLayout layout;
  private final NodeLauncher launcher;
  private final List<String> bootnodes;
  private final Fiscus rpc;
  private Process process;

  ValidatorNode(
      int index,
      String address,
      NodePorts ports,
      List<String> bootnodes,
      DevnetLayout layout,
      NodeLauncher launcher,
      BearerTokenSource operator) {
    this.index = index;
    this.name = "validator" + index;
    this.address = address;
    this.ports = ports;
    this.bootnodes = List.copyOf(bootnodes);
    this.layout = layout;
    this.launcher = launcher;
    // The demo watches the nodes as the central bank's operations team would, with its token.
    this.rpc = Fiscus.build(AuthenticatedHttp.service(ports.rpcUrl(), operator));
  }

  /** Starts the process; its output goes to the end of {@code node.log}. */
  void start() throws IOException {
    Path log = layout.nodeLog(index);
    Files.writeString(
        log,
        "==== started by scripts/devnet at " + Instant.now() + " ====\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(launcher.command(arguments()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Files.writeString(layout.nodePidFile(index), process.pid() + "\n");
  }

  private List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("node");
    args.add("--config-file");
    args.add(layout.nodeConfig(index).toAbsolutePath().toString());
    args.addAll(List.of("--rpc-http-port", Integer.toString(ports.rpcHttp())));
    args.addAll(List.of("--rpc-ws-port", Integer.toString(ports.rpcWebSocket())));
    args.addAll(List.of("--metrics-port", Integer.toString(ports.metrics())));
    args.addAll(List.of("--p2p-port", Integer.toString(ports.p2p())));
    if (!bootnodes.isEmpty()) {
      args.addAll(List.of("--bootnodes", String.join(",", bootnodes)));
    }
    return args;
  }

  /** SIGKILL, as a power cut would: no shutdown, nothing flushed beyond committed blocks. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      awaitExit(STOP_TIMEOUT);
    }
    forgetPid();
  }

  /** SIGTERM without waiting (see {@link #stop}). */
  void requestStop() {
    if (process != null && process.isAlive()) {
      process.destroy();
    }
  }

  /** SIGTERM and wait: the node stops consensus, its servers, then closes its database. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!awaitExit(STOP_TIMEOUT)) {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
      }
    }
    forgetPid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  boolean wasStarted() {
    return process != null;
  }

  /** True once a started process has ended. */
  boolean hasExited() {
    return process != null && !process.isAlive();
  }

  /** The exit code of a process that has ended. */
  int exitCode() {
    return process.exitValue();
  }

  /** An SDK client of this node. */
  Fiscus rpc() {
    return rpc;
  }

  Path log() {
    return layout.nodeLog(index);
  }

  /** The last {@code lines} lines of the node's log, for a failure message. */
  List<String> logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log() + ": " + e.getMessage() + ")");
    }
  }

  void close() {
    stop();
    rpc.shutdown();
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void forgetPid() {
    try {
      Files.deleteIfExists(layout.nodePidFile(index));
    } catch (IOException e) {
      // a stale pid file is checked against the live process before it is used
    }
  }
}
