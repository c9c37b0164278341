package io.fiscus.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The single-validator load benchmark of the real node process: for each offered rate, a fresh
 * one-validator network, senders set up through the node, pre-signed transfers offered open-loop
 * over JSON-RPC batches, and finality observed by polling blocks. Prints a table and writes {@code
 * bench-results.json}. Launched by {@code scripts/bench-node}.
 */
public final class NodeLoadBenchmark {
  private final LoadOptions options;
  private final PrintStream out;

  public NodeLoadBenchmark(LoadOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] arguments) {
    LoadOptions options;
    try {
      options = LoadOptions.parse(arguments);
    } catch (IllegalArgumentException bad) {
      System.err.println("error: " + bad.getMessage());
      System.err.print(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LoadOptions.USAGE);
      return;
    }
    try {
      new NodeLoadBenchmark(options, System.out).run();
    } catch (IllegalStateException | java.io.UncheckedIOException failed) {
      // Expected failures (the node refused, exited or stalled) carry a message that says why.
      System.err.println("error: " + failed.getMessage());
      for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause);
      }
      System.exit(1);
    }
  }

  /** Runs every rate and writes the results file. */
  public BenchResults run() {
    int cores = Runtime.getRuntime().availableProcessors();
    String cpu = cpuModel();
    out.printf("machine: %d cores (%s), JDK %s%n", cores, cpu, Runtime.version().feature());
    out.printf(
        "note: the load generator runs on the same %d cores as the node and competes with it for"
            + " CPU; its own CPU time is reported beside the node's.%n",
        cores);
    RecoveryRate.Result recovery = RecoveryRate.measure(options.recoveries());
    out.printf(
        "sender recovery, one thread (%s): %,d recoveries/s%n",
        recovery.implementation(), recovery.recoveriesPerSecond());
    NodeProcess.Launcher launcher = launcher();
    long ticksPerSecond = clockTicksPerSecond();
    List<BenchResults.Run> runs = new ArrayList<>();
    for (int rate : options.rates()) {
      out.printf(
          "%nrun: 1 validator, %d ms blocks, %,d tx/s offered for %d s, %,d senders, batches of %d"
              + " over %d connections%n",
          options.blockPeriodMs(),
          rate,
          options.durationSeconds(),
          options.senders(),
          options.batchSize(),
          options.connections());
      Path workDir = createWorkDir();
      Path logCopy =
          Path.of(options.rates().size() == 1 ? "bench-node.log" : "bench-node-" + rate + ".log");
      try {
        BenchResults.Run run =
            new LoadRun(options, launcher, out, ticksPerSecond).run(rate, workDir, logCopy);
        runs.add(run);
        ResultsTable.printRun(out, run);
      } finally {
        if (options.keep()) {
          out.println("  kept " + workDir);
        } else {
          deleteTree(workDir);
        }
        if (Files.exists(logCopy)) {
          out.println("  node log: " + logCopy.toAbsolutePath());
        }
      }
    }
    BenchResults results =
        new BenchResults(
            new BenchResults.Machine(
                cores,
                recovery.recoveriesPerSecond(),
                recovery.implementation(),
                cpu,
                Runtime.version().toString()),
            runs);
    out.println();
    ResultsTable.print(out, results);
    Path file = Path.of(options.resultsFile());
    try {
      Files.writeString(file, results.toJson(), StandardCharsets.UTF_8);
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write " + file, unwritable);
    }
    out.println("results: " + file.toAbsolutePath());
    return results;
  }

  /** The node runs on this JVM's java, with the given classpath or this JVM's own. */
  private NodeProcess.Launcher launcher() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath = options.nodeClasspath().orElse(System.getProperty("java.class.path"));
    List<String> jvmOptions =
        new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC"));
    jvmOptions.addAll(options.nodeJvmOptions());
    return new NodeProcess.Launcher(java, classpath, jvmOptions);
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("fiscus-bench-node-");
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot create a temporary directory", failed);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // A leftover temporary directory is harmless; the figures are already taken.
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException | UncheckedIOException unreadable) {
      return "unknown CPU";
    }
  }

  /** The kernel's clock ticks per second for /proc CPU times ({@code getconf CLK_TCK}). */
  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String value =
          new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      getconf.waitFor();
      return Long.parseLong(value);
    } catch (IOException | NumberFormatException unknown) {
      return 100;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
