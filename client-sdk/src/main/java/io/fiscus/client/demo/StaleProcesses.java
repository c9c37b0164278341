package io.fiscus.client.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pid files of a devnet directory. A devnet that is running owns the directory ({@code
 * devnet.pid}); a second one is refused. Nodes whose orchestrator died (killed, or the terminal
 * closed) keep running and holding their ports and databases: the next devnet stops them, saying
 * so, before it starts its own.
 */
final class StaleProcesses {
  private static final String ORCHESTRATOR_CLASS = Devnet.class.getName();

  private StaleProcesses() {}

  /** Refuses a directory another live devnet owns, then stops nodes left behind. */
  static void clear(DevnetLayout layout, Console console) throws IOException {
    Optional<ProcessHandle> owner = liveProcess(layout.orchestratorPidFile());
    if (owner.isPresent()
        && owner.get().pid() != ProcessHandle.current().pid()
        && commandLine(owner.get()).contains(ORCHESTRATOR_CLASS)) {
      throw new DevnetException(
          "another devnet (pid "
              + owner.get().pid()
              + ") is running from "
              + layout.shown(layout.root())
              + "; stop it with Ctrl-C first");
    }
    for (int k = 1; k <= layout.validatorCount(); k++) {
      Path pidFile = layout.nodePidFile(k);
      Optional<ProcessHandle> node = liveProcess(pidFile);
      String config = layout.nodeConfig(k).toAbsolutePath().toString();
      if (node.isPresent()
          && NodeLauncher.isFiscusNode(commandLine(node.get()))
          && commandLine(node.get()).contains(config)) {
        console.note(
            "validator"
                + k
                + " is still running from an earlier devnet (pid "
                + node.get().pid()
                + "): stopping it");
        stop(node.get());
      }
      Files.deleteIfExists(pidFile);
    }
  }

  /** Marks the directory as owned by this process. */
  static void claim(DevnetLayout layout) throws IOException {
    Files.createDirectories(layout.root());
    Files.writeString(layout.orchestratorPidFile(), ProcessHandle.current().pid() + "\n");
  }

  static void release(DevnetLayout layout) {
    try {
      Files.deleteIfExists(layout.orchestratorPidFile());
    } catch (IOException e) {
      // the next devnet checks whether the pid is alive before believing the file
    }
  }

  private static Optional<ProcessHandle> liveProcess(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }

  private static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
    } catch (ExecutionException e) {
      throw new DevnetException("could not stop process " + process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted while stopping process " + process.pid());
    }
  }
}
