package io.fiscus.client.demo;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The demo scenario of {@code scripts/devnet} (issue 7): each step narrated one line per action,
 * with its result and the block it was finalized in. A step that does not do what it should stops
 * the demo with its number, title and reason.
 */
final class DemoScenario {
  private static final List<DemoStep> STEPS =
      List.of(
          new IssuanceStep(),
          new AccountsStep(),
          new PaymentsStep(),
          new InvoicesStep(),
          new TaxAuthorityStep(),
          new ValidatorFailureStep(),
          new FinalityStep(),
          new SummaryStep());

  private final DevnetNetwork network;
  private final DevnetNodes nodes;
  private final Console console;
  private final long startHeight;

  DemoScenario(DevnetNetwork network, DevnetNodes nodes, Console console, long startHeight) {
    this.network = network;
    this.nodes = nodes;
    this.console = console;
    this.startHeight = startHeight;
  }

  void run() throws IOException {
    int usable = DemoContext.usableValidators(nodes.size());
    try (DemoParties parties = DemoParties.open(network, nodes, usable)) {
      run(new DemoContext(network, nodes, console, startHeight, parties), STEPS);
    }
  }

  /** A hint when a validator died under the demo: often the reason a step failed. */
  private static String deadValidators(DevnetNodes nodes) {
    StringBuilder dead = new StringBuilder();
    for (ValidatorNode node : nodes.validators) {
      if (node.hasExited()) {
        dead.append("; ")
            .append(node.name)
            .append(' ')
            .append(DevnetNodes.describeExit(node.exitCode()))
            .append(", see ")
            .append(node.log());
      }
    }
    return dead.toString();
  }

  private static void run(DemoContext demo, List<DemoStep> steps) {
    long started = System.nanoTime();
    for (int i = 0; i < steps.size(); i++) {
      DemoStep step = steps.get(i);
      demo.console.section(i + 1, step.title());
      try {
        step.run(demo);
      } catch (RuntimeException e) {
        DevnetException failure =
            new DevnetException(
                "the demo failed at step "
                    + (i + 1)
                    + " ("
                    + step.title()
                    + "): "
                    + (e instanceof DemoContext.StepFailedException ? "" : "unexpected error: ")
                    + e.getMessage()
                    + deadValidators(demo.nodes),
                e);
        throw failure;
      }
    }
    demo.console.blank();
    demo.console.heading(
        String.format(
            Locale.ROOT,
            "Demo complete in %.0f s: every step finalized %s.",
            (System.nanoTime() - started) / 1e9,
            Console.onAll(demo.nodes.size())));
  }
}
