package io.fiscus.client.demo;

import java.util.List;
import java.util.Locale;

/**
 * The demo scenario of {@code scripts/devnet} (issue 7): each step narrated one line per action,
 * with its result and the block it was finalized in. A step that does not do what it should stops
 * the demo with its number, title and reason.
 */
final class DemoScenario {
  private final DemoContext demo;
  private final List<DemoStep> steps;

  DemoScenario(DevnetNetwork network, DevnetNodes nodes, Console console, long startHeight) {
    this.demo = new DemoContext(network, nodes, console, startHeight);
    this.steps = List.of(new SummaryStep());
  }

  void run() {
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
                    + e.getMessage(),
                e);
        throw failure;
      }
    }
    demo.console.blank();
    demo.console.heading(
        String.format(
            Locale.ROOT,
            "Demo complete in %.0f s: every step finalized on all %d validators.",
            (System.nanoTime() - started) / 1e9,
            demo.nodes.size()));
  }
}
