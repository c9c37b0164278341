package io.fiscus.client.demo;

/** One numbered part of the demo scenario, narrated one line per action. */
interface DemoStep {
  /** The section title, e.g. "Payments". */
  String title();

  /** Runs the step; any exception fails the demo with the step's number and title. */
  void run(DemoContext demo);
}
