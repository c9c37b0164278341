package io.fiscus.client.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/devnet --demo-only} through its Java entry point, so the newcomer's first command
 * cannot rot: a real 4-validator network of {@code fiscus node} processes on loopback (started from
 * this test's classpath), the whole demo scenario, and every node stopped afterwards. Run twice on
 * the same directory, as a newcomer would: the second run reuses the network.
 */
class DevnetIT {
  private static final int VALIDATORS = 4;

  @TempDir Path directory;

  @Test
  void demoOnlyRunsEveryStepOnAFreshNetworkThenAgainOnTheReusedOne() {
    DevnetLayout layout = new DevnetLayout(directory.resolve("devnet"));
    String basePort = Integer.toString(freeBasePort());

    String first = runDemoOnly(layout, basePort);
    assertThat(first).contains("generated a new network");
    assertEveryStepNarrated(first);
    assertNothingLeftRunning(layout);

    String second = runDemoOnly(layout, basePort);
    assertThat(second).contains("reusing the network");
    assertEveryStepNarrated(second);
    assertNothingLeftRunning(layout);
  }

  private static String runDemoOnly(DevnetLayout layout, String basePort) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit =
        Devnet.run(
            new PrintStream(output, true, StandardCharsets.UTF_8),
            "--demo-only",
            "--dir",
            layout.root().toString(),
            "--base-port",
            basePort);
    String text = output.toString(StandardCharsets.UTF_8);
    System.out.println(text);
    assertThat(exit).as("exit code; output:%n%s", text).isZero();
    return text;
  }

  private static void assertEveryStepNarrated(String output) {
    assertThat(output)
        .contains("finalized on all " + VALIDATORS + " validators")
        .contains(" 1  ", " 2  ", " 3  ", " 4  ", " 5  ", " 6  ", " 7  ", " 8  ")
        .contains("refused: over max transfer")
        .contains("identical on all " + VALIDATORS + " validators")
        .contains("Demo complete")
        .doesNotContain("FAILED");
  }

  private static void assertNothingLeftRunning(DevnetLayout layout) {
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .as("node processes still running")
        .isEmpty();
    for (int k = 1; k <= VALIDATORS; k++) {
      assertThat(layout.nodePidFile(k)).doesNotExist();
    }
    assertThat(layout.orchestratorPidFile()).doesNotExist();
  }

  /**
   * A base port whose whole block ({@link NodePorts#fromBase}) is free, below the range the node
   * tests draw their ports from (20000+) and below Linux's ephemeral ports.
   */
  private static int freeBasePort() {
    while (true) {
      int base = 12_000 + 500 * ThreadLocalRandom.current().nextInt(15);
      boolean free = true;
      for (int k = 1; k <= VALIDATORS && free; k++) {
        for (int port : NodePorts.fromBase(base, k).all()) {
          free &= isFree(port);
        }
      }
      if (free) {
        return base;
      }
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
