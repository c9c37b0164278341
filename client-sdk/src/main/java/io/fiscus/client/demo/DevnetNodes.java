package io.fiscus.client.demo;

import io.fiscus.client.auth.BearerTokenSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/** The devnet's validators as processes: ports, start, readiness, stop. */
final class DevnetNodes implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  final List<ValidatorNode> validators;
  private boolean stopped;

  private DevnetNodes(List<ValidatorNode> validators) {
    this.validators = List.copyOf(validators);
  }

  /**
   * The network's validators on {@code ports} (by 1-based index), each given the others as
   * bootnodes at those ports.
   */
  static DevnetNodes of(
      DevnetNetwork network, IntFunction<NodePorts> ports, NodeLauncher launcher) {
    int count = network.validatorCount();
    BearerTokenSource operator =
        BearerTokenSource.of(network.account("central-bank"), network.chainId);
    List<ValidatorNode> validators = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      List<String> bootnodes = new ArrayList<>();
      for (int other = 1; other <= count; other++) {
        if (other != k) {
          bootnodes.add(network.enode(other, ports.apply(other).p2p()));
        }
      }
      validators.add(
          new ValidatorNode(
              k,
              network.validatorAddress(k),
              ports.apply(k),
              bootnodes,
              network.layout,
              launcher,
              operator));
    }
    return new DevnetNodes(validators);
  }

  ValidatorNode validator(int k) {
    return validators.get(k - 1);
  }

  int size() {
    return validators.size();
  }

  /** Fails with a clear message when a port the devnet needs is taken. */
  void checkPortsFree() {
    for (ValidatorNode node : validators) {
      List<Integer> ports = node.ports.all();
      List<String> purposes = List.of("RPC", "WebSocket", "metrics", "p2p");
      for (int i = 0; i < ports.size(); i++) {
        if (!isFree(ports.get(i))) {
          throw new DevnetException(
              "port "
                  + ports.get(i)
                  + " ("
                  + node.name
                  + " "
                  + purposes.get(i)
                  + ") is in use; is another devnet or Ethereum node running? --base-port N moves"
                  + " the devnet's ports");
        }
      }
    }
  }

  void startAll() throws IOException {
    for (ValidatorNode node : validators) {
      node.start();
    }
  }

  /** Waits until {@code node} answers JSON-RPC; fails with its log's tail if it exits. */
  static void awaitServing(ValidatorNode node, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      failIfExited(node);
      if (height(node).isPresent()) {
        return;
      }
      sleep(POLL);
    }
    throw new DevnetException(
        node.name
            + " did not answer JSON-RPC within "
            + timeout.toSeconds()
            + " s"
            + logHint(node));
  }

  /**
   * Waits until every validator has a block above {@code aboveHeight}, and returns the lowest head
   * among them then.
   */
  long awaitAllAbove(long aboveHeight, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long lowest = Long.MAX_VALUE;
      for (ValidatorNode node : validators) {
        failIfExited(node);
        lowest = Math.min(lowest, height(node).orElse(-1));
      }
      if (lowest > aboveHeight) {
        return lowest;
      }
      sleep(POLL);
    }
    throw new DevnetException(
        "the validators did not all reach block "
            + (aboveHeight + 1)
            + " within "
            + timeout.toSeconds()
            + " s; their logs are in "
            + validators.get(0).log().getParent().getParent()
            + "/validatorK/node.log");
  }

  /** Waits until {@code node} has a block above {@code aboveHeight}; returns its head then. */
  long awaitAbove(ValidatorNode node, long aboveHeight, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      failIfExited(node);
      long height = height(node).orElse(-1);
      if (height > aboveHeight) {
        return height;
      }
      sleep(POLL);
    }
    throw new DevnetException(
        node.name
            + " did not reach block "
            + (aboveHeight + 1)
            + " within "
            + timeout.toSeconds()
            + " s"
            + logHint(node));
  }

  /** The highest head among the live validators. */
  long highestHeight() {
    long highest = -1;
    for (ValidatorNode node : validators) {
      if (node.isAlive()) {
        highest = Math.max(highest, height(node).orElse(-1));
      }
    }
    return highest;
  }

  /** The node's head, or empty when it does not answer. */
  static OptionalLong height(ValidatorNode node) {
    try {
      return OptionalLong.of(node.rpc().ethBlockNumber().send().getBlockNumber().longValueExact());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  boolean anyStarted() {
    return validators.stream().anyMatch(ValidatorNode::wasStarted);
  }

  /** Stops every validator (SIGTERM, then wait); safe to call twice and from a shutdown hook. */
  synchronized void stopAll() {
    if (stopped) {
      return;
    }
    stopped = true;
    for (ValidatorNode node : validators) {
      // SIGTERM to all first, then wait: they shut down in parallel.
      node.requestStop();
    }
    for (ValidatorNode node : validators) {
      node.close();
    }
  }

  @Override
  public void close() {
    stopAll();
  }

  static void failIfExited(ValidatorNode node) {
    if (!node.isAlive()) {
      throw new DevnetException(node.name + " " + describeExit(node.exitCode()) + logHint(node));
    }
  }

  static String describeExit(int code) {
    return switch (code) {
      case 137 -> "was killed (SIGKILL)";
      case 130 -> "was interrupted (SIGINT)";
      case 143 -> "was stopped (SIGTERM)";
      default -> "exited with code " + code;
    };
  }

  private static String logHint(ValidatorNode node) {
    List<String> tail = node.logTail(5);
    StringBuilder hint = new StringBuilder("; the end of ").append(node.log()).append(':');
    for (String line : tail) {
      hint.append("\n    ").append(line);
    }
    return hint.toString();
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted");
    }
  }
}
