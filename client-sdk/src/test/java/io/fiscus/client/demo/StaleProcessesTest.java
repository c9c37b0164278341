package io.fiscus.client.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a devnet does with the pid files an earlier one left: real processes stand in for the nodes
 * and the orchestrator ({@code bash -c SCRIPT <name> <args>} shows the name and arguments in its
 * command line, as the real processes do).
 */
class StaleProcessesTest {
  /** Sleeps as one bash process (no exec of sleep), which takes its child along on SIGTERM. */
  private static final String SLEEP_UNTIL_TERM =
      "trap 'kill $! 2>/dev/null; exit 0' TERM; sleep 60 & wait";

  @TempDir Path directory;

  private DevnetLayout layout;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private Console console;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void makeNetworkDirectories() throws IOException {
    layout = new DevnetLayout(directory.resolve("devnet"));
    for (int k = 1; k <= 2; k++) {
      Files.createDirectories(layout.validatorDirectory(k));
      Files.writeString(layout.nodeConfig(k), "# node.toml\n");
    }
    console =
        new Console(
            new PrintStream(output, true, StandardCharsets.UTF_8), false, false, false, false);
  }

  @AfterEach
  void killWhatTheTestStarted() {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @Test
  void aNodeLeftRunningByADeadDevnetIsStoppedAndItsPidFileRemoved() throws Exception {
    Process node =
        sleeper(
            "io.fiscus.app.Main",
            "node",
            "--config-file",
            layout.nodeConfig(2).toAbsolutePath().toString());
    Files.writeString(layout.nodePidFile(2), node.pid() + "\n");

    StaleProcesses.clear(layout, console);

    assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("the stale node exited").isTrue();
    assertThat(layout.nodePidFile(2)).doesNotExist();
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("validator2 is still running from an earlier devnet (pid " + node.pid() + ")");
  }

  @Test
  void aPidFileNamingAnUnrelatedLiveProcessIsDroppedWithoutTouchingTheProcess() throws Exception {
    Process unrelated = sleeper("something-else");
    Files.writeString(layout.nodePidFile(1), unrelated.pid() + "\n");

    StaleProcesses.clear(layout, console);

    assertThat(unrelated.isAlive()).isTrue();
    assertThat(layout.nodePidFile(1)).doesNotExist();
    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aPidFileOfAProcessThatIsGoneIsDropped() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(layout.nodePidFile(1), gone.pid() + "\n");

    StaleProcesses.clear(layout, console);

    assertThat(layout.nodePidFile(1)).doesNotExist();
  }

  @Test
  void aDirectoryAnotherLiveDevnetOwnsIsRefused() throws Exception {
    Process otherDevnet = sleeper(Devnet.class.getName(), "--dir", "devnet");
    Files.writeString(layout.orchestratorPidFile(), otherDevnet.pid() + "\n");

    assertThatThrownBy(() -> StaleProcesses.clear(layout, console))
        .isInstanceOf(DevnetException.class)
        .hasMessageContaining("another devnet (pid " + otherDevnet.pid() + ") is running");
    assertThat(otherDevnet.isAlive()).isTrue();
  }

  @Test
  void claimingWritesThisProcessAndReleasingRemovesIt() throws Exception {
    StaleProcesses.claim(layout);
    assertThat(Files.readString(layout.orchestratorPidFile()).trim())
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));

    StaleProcesses.clear(layout, console); // our own claim is not "another devnet"
    StaleProcesses.release(layout);

    assertThat(layout.orchestratorPidFile()).doesNotExist();
  }

  private Process sleeper(String... nameAndArguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", SLEEP_UNTIL_TERM));
    command.addAll(List.of(nameAndArguments));
    Process process = new ProcessBuilder(command).start();
    started.add(process);
    return process;
  }
}
