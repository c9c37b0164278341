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
 * The load benchmark of real node processes: first the machine's limits (sender recovery on one
 * thread, RocksDB synced batch writes), then for each network size and offered rate a fresh network
 * of that many validators on loopback, senders set up through the nodes, pre-signed transfers
 * offered open-loop over JSON-RPC batches to every validator in turn, finality observed by polling
 * blocks, and a fresh full node's catch-up. Prints a table and writes {@code bench-results.json}.
 * Launched by {@code scripts/bench}.
 */
public final class LoadBenchmark {
  /** About a 5,000-transfer block's worth of writes per batch, four per transfer. */
  private static final int STORAGE_PUTS_PER_BATCH = 20_000;

  private static final int STORAGE_BATCHES = 20;

  private final LoadOptions options;
  private final PrintStream out;

  public LoadBenchmark(LoadOptions options, PrintStream out) {
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
      new LoadBenchmark(options, System.out).run();
    } catch (IllegalStateException | java.io.UncheckedIOException failed) {
      // Expected failures (the node refused, exited or stalled) carry a message that says why.
      System.err.println("error: " + failed.getMessage());
      for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause);
      }
      System.exit(1);
    }
  }

  /** Runs every network size at every rate and writes the results file. */
  public BenchResults run() {
    BenchResults.Machine machine = measureMachine();
    NodeProcess.Launcher launcher = launcher();
    long ticksPerSecond = clockTicksPerSecond();
    List<BenchResults.Run> runs = new ArrayList<>();
    for (int validators : options.validatorCounts()) {
      for (int rate : options.rates()) {
        runs.add(runOne(launcher, ticksPerSecond, validators, rate));
      }
    }
    BenchResults results = new BenchResults(machine, runs);
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

  private BenchResults.Machine measureMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    String cpu = cpuModel();
    out.printf("machine: %d cores (%s), JDK %s%n", cores, cpu, Runtime.version().feature());
    out.printf(
        "note: the load generator runs on the same %d cores as the nodes and competes with them"
            + " for CPU; its own CPU time is reported beside theirs.%n",
        cores);
    RecoveryRate.Result recovery = RecoveryRate.measure(options.recoveries());
    out.printf(
        "sender recovery, one thread (%s): %,d recoveries/s%n",
        recovery.implementation(), recovery.recoveriesPerSecond());
    Path storeDir = createWorkDir("fiscus-bench-rocksdb-");
    StorageWriteRate.Result storage;
    try {
      storage = StorageWriteRate.measure(storeDir, STORAGE_BATCHES, STORAGE_PUTS_PER_BATCH);
    } finally {
      deleteTree(storeDir);
    }
    out.printf(
        "RocksDB, synced batches of %,d puts (32-byte keys, 100-byte values): %,d batches/s ="
            + " %,d puts/s%n",
        storage.putsPerBatch(), storage.batchesPerSecond(), storage.putsPerSecond());
    return new BenchResults.Machine(
        cores,
        recovery.recoveriesPerSecond(),
        recovery.implementation(),
        storage.putsPerBatch(),
        storage.batchesPerSecond(),
        storage.putsPerSecond(),
        cpu,
        Runtime.version().toString());
  }

  private BenchResults.Run runOne(
      NodeProcess.Launcher launcher, long ticksPerSecond, int validators, int rate) {
    out.printf(
        "%nrun: %d validator%s, %d ms blocks, %,d tx/s offered for %d s, %,d senders, batches of"
            + " %d over %d connections%n",
        validators,
        validators == 1 ? "" : "s",
        options.blockPeriodMs(),
        rate,
        options.durationSeconds(),
        options.senders(),
        options.batchSize(),
        options.connections());
    Path workDir = createWorkDir("fiscus-bench-");
    // Beside the results file, so a run in another directory keeps its logs with its figures.
    Path logs =
        Path.of(options.resultsFile())
            .toAbsolutePath()
            .resolveSibling("bench-logs")
            .resolve(validators + "-validators-" + rate + "-tps");
    try {
      BenchResults.Run run =
          new LoadRun(options, launcher, out, ticksPerSecond).run(validators, rate, workDir, logs);
      ResultsTable.printRun(out, run);
      return run;
    } finally {
      if (options.keep()) {
        out.println("  kept " + workDir);
      } else {
        deleteTree(workDir);
      }
      out.println("  node logs: " + logs.toAbsolutePath());
    }
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

  private static Path createWorkDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
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
