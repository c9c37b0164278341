package io.fiscus.client.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/devnet}: a Fiscus network of validators on this machine, the demo scenario run
 * against it through the SDK, then a live status line until Ctrl-C. See {@code docs/devnet.md}.
 */
@Command(
    name = "scripts/devnet",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Starts a Fiscus network of validators on this machine (loopback only), runs the demo"
            + " scenario through the SDK, then shows a live status line until Ctrl-C stops every"
            + " node. docs/devnet.md explains the files and ports.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the demo completed (--demo-only)",
      "1:a step failed",
      "2:bad usage",
      "130:stopped with Ctrl-C"
    })
public final class Devnet implements Callable<Integer> {
  static final int DEFAULT_VALIDATORS = 4;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  @Option(
      names = "--validators",
      paramLabel = "N",
      description = "validators of a new network (default 4); an existing one keeps its own")
  private Integer validators;

  @Option(names = "--fresh", description = "delete the network directory and generate a new one")
  private boolean fresh;

  @Option(names = "--demo-only", description = "stop every node and exit after the demo")
  private boolean demoOnly;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "devnet",
      description = "the network directory (default ./devnet)")
  private Path directory;

  @Option(
      names = "--base-port",
      paramLabel = "PORT",
      description =
          "move every port: validator k gets RPC PORT+k-1, WebSocket PORT+100+k-1, metrics"
              + " PORT+200+k-1, p2p PORT+300+k-1 (default: the generated 8545…, 8645…, 9545…,"
              + " 30303…)")
  private Integer basePort;

  @Option(names = "--verbose", description = "show stack traces and more detail")
  private boolean verbose;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help")
  private boolean help;

  @Option(names = "--node-classpath", hidden = true, description = "the fiscus node's classpath")
  private String nodeClasspath = System.getProperty("java.class.path");

  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  /** Where the output goes: standard output, or a stream a test reads (plain text then). */
  private final PrintStream out;

  private Devnet(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the devnet and exits with its exit code.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the devnet as {@code scripts/devnet args...} would.
   *
   * @param args the command line, see {@code --help}
   * @return the exit code: 0 done, 1 a step failed, 2 bad usage
   */
  public static int run(String... args) {
    return run(System.out, args);
  }

  /**
   * Runs the devnet with its output going to {@code out}: plain text, without colours or an
   * in-place status line, unless it is standard output.
   *
   * @param out where the narration goes
   * @param args the command line, see {@code --help}
   * @return the exit code: 0 done, 1 a step failed, 2 bad usage
   */
  public static int run(PrintStream out, String... args) {
    return new CommandLine(new Devnet(out)).execute(args);
  }

  @Override
  public Integer call() {
    Console console =
        out == System.out
            ? Console.standardOutput(verbose)
            : new Console(out, false, false, false, verbose);
    if (validators != null && (validators < 1 || validators > 32)) {
      console.error("--validators must be between 1 and 32");
      return 2;
    }
    DevnetLayout layout = new DevnetLayout(directory);
    NodeLauncher launcher = new NodeLauncher(nodeClasspath);
    try {
      StaleProcesses.clear(layout, console);
      DevnetNetwork network = prepareNetwork(layout, launcher, console);
      StaleProcesses.claim(layout);
      try (DevnetNodes nodes = DevnetNodes.of(network, ports(), launcher)) {
        Thread hook = new Thread(() -> shutDown(nodes, layout, console), "devnet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          return runNetwork(network, nodes, console);
        } finally {
          if (!shuttingDown.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stopNodes(nodes, console);
          }
        }
      } finally {
        if (!shuttingDown.get()) {
          StaleProcesses.release(layout);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (shuttingDown.get()) {
        return 130;
      }
      console.error(describe(e));
      if (!verbose && !(e instanceof DevnetException)) {
        console.note("run with --verbose for the stack trace");
      }
      console.stackTrace(e);
      return 1;
    }
  }

  private int runNetwork(DevnetNetwork network, DevnetNodes nodes, Console console)
      throws IOException {
    long started = System.nanoTime();
    nodes.checkPortsFree();
    console.action("starting " + Console.count(nodes.size(), "validator"));
    nodes.startAll();
    for (ValidatorNode node : nodes.validators) {
      DevnetNodes.awaitServing(node, START_TIMEOUT);
    }
    long firstHeight = nodes.highestHeight();
    long height = nodes.awaitAllAbove(firstHeight, START_TIMEOUT);
    console.result(
        Console.Outcome.DONE,
        String.format(
            Locale.ROOT,
            "block %d finalized %s (%.1f s)",
            height,
            Console.onAll(nodes.size()),
            (System.nanoTime() - started) / 1e9));
    printNodeTable(network, nodes, console);
    DemoScenario scenario = new DemoScenario(network, nodes, console, height);
    scenario.run();
    if (demoOnly) {
      return 0;
    }
    console.blank();
    console.line("The network keeps running. Try the CLI with a demo account's key, for example:");
    console.line(
        "  "
            + fiscusClientCommand(network.layout)
            + " --rpc-url "
            + nodes.validator(1).ports.rpcUrl()
            + " --key-file "
            + network.layout.shown(network.layout.keyFile("customer-2"))
            + " balance");
    console.blank();
    new LiveStatus(nodes, console).run(shuttingDown::get);
    return 0;
  }

  /**
   * How to run {@code scripts/fiscus-client} from the working directory: the launcher says where
   * the scripts are ({@code fiscus.scripts}); without it, as from the repository's root.
   */
  private static String fiscusClientCommand(DevnetLayout layout) {
    String scripts = System.getProperty("fiscus.scripts");
    return scripts == null
        ? "scripts/fiscus-client"
        : layout.shown(Path.of(scripts, "fiscus-client"));
  }

  private DevnetNetwork prepareNetwork(DevnetLayout layout, NodeLauncher launcher, Console console)
      throws IOException {
    String shown = layout.shown(layout.root());
    if (fresh && Files.exists(layout.root())) {
      if (!layout.holdsNetwork() && !isEmptyDirectory(layout.root())) {
        throw new DevnetException(
            "--fresh would delete " + shown + ", which does not hold a devnet (no genesis.json)");
      }
      DevnetNetwork.delete(layout);
    }
    if (layout.holdsNetwork()) {
      int existing = layout.validatorCount();
      if (validators != null && validators != existing) {
        throw new DevnetException(
            shown
                + " holds a "
                + existing
                + "-validator network; add --fresh to replace it with a "
                + validators
                + "-validator one");
      }
      DevnetNetwork network = DevnetNetwork.read(layout);
      console.heading(title(network));
      console.note("reusing the network in " + shown + " (--fresh starts over)");
      return network;
    }
    if (Files.exists(layout.root()) && !isEmptyDirectory(layout.root())) {
      throw new DevnetException(
          shown + " exists but holds no devnet (no genesis.json); remove it or choose --dir");
    }
    int count = validators == null ? DEFAULT_VALIDATORS : validators;
    DevnetNetwork network = DevnetNetwork.generate(layout, count, launcher);
    console.heading(title(network));
    console.note(
        "generated a new network in "
            + shown
            + " with fiscus genesis generate (keys, genesis, node.toml); RPC authentication is"
            + " on: every party signs its requests' bearer tokens with its own key");
    return network;
  }

  private static String title(DevnetNetwork network) {
    return "Fiscus devnet · "
        + network.validatorCount()
        + " validator"
        + (network.validatorCount() == 1 ? "" : "s")
        + " on this machine · chain id "
        + network.chainId;
  }

  private static void printNodeTable(DevnetNetwork network, DevnetNodes nodes, Console console) {
    console.blank();
    List<List<String>> rows = new ArrayList<>();
    for (ValidatorNode node : nodes.validators) {
      rows.add(List.of(node.name, node.ports.rpcUrl(), node.address));
    }
    console.table(List.of("node", "JSON-RPC (HTTP and WebSocket)", "validator address"), rows);
    DevnetLayout layout = network.layout;
    console.note(
        "chain id "
            + network.chainId
            + " · currency "
            + network.currencySymbol
            + " · logs "
            + layout.shown(layout.root())
            + "/validatorK/node.log · keys "
            + layout.shown(layout.keys())
            + "/");
  }

  private IntFunction<NodePorts> ports() {
    return basePort == null ? NodePorts::generated : k -> NodePorts.fromBase(basePort, k);
  }

  /** Ctrl-C (or SIGTERM) while running: stop every node cleanly before the JVM exits. */
  private void shutDown(DevnetNodes nodes, DevnetLayout layout, Console console) {
    shuttingDown.set(true);
    console.clearStatus();
    console.blank();
    stopNodes(nodes, console);
    StaleProcesses.release(layout);
  }

  private static void stopNodes(DevnetNodes nodes, Console console) {
    if (!nodes.anyStarted()) {
      nodes.stopAll(); // closes the RPC clients
      return;
    }
    console.action("stopping " + Console.count(nodes.size(), "validator") + " (SIGTERM)");
    nodes.stopAll();
    console.result(Console.Outcome.DONE, "stopped");
  }

  private static String describe(Exception e) {
    if (e instanceof DevnetException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    try (var entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    }
  }
}
