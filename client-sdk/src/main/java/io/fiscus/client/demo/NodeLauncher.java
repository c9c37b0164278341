package io.fiscus.client.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the {@code fiscus} executable ({@code io.fiscus.app.Main}) as a child process: this
 * JVM's own {@code java}, the node's classpath, and modest heap settings so that four validators
 * and the orchestrator share a small machine.
 */
final class NodeLauncher {
  private static final String MAIN_CLASS = "io.fiscus.app.Main";

  private final String classpath;

  NodeLauncher(String classpath) {
    this.classpath = classpath;
  }

  /** The full command line for {@code fiscus args...}. */
  List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xms64m");
    command.add("-Xmx512m");
    // Four validators and the orchestrator share as few as two cores: one collector thread per
    // node, and only the quick JIT tier, which halves start-up there; a devnet's load is light.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classpath);
    command.add(MAIN_CLASS);
    command.addAll(args);
    return command;
  }

  /** True when {@code commandLine} is that of a process this launcher could have started. */
  static boolean isFiscusNode(String commandLine) {
    return commandLine.contains(MAIN_CLASS) && commandLine.contains(" node ");
  }
}
