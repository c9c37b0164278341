package io.fiscus.client.demo;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * What the demo's steps share: the network, its nodes, the console, and what earlier steps made.
 */
final class DemoContext {
  final DevnetNetwork network;
  final DevnetNodes nodes;
  final Console console;

  /** The head when the demo started: the summary counts the blocks after it. */
  final long startHeight;

  DemoContext(DevnetNetwork network, DevnetNodes nodes, Console console, long startHeight) {
    this.network = network;
    this.nodes = nodes;
    this.console = console;
    this.startHeight = startHeight;
  }

  String money(long minorUnits) {
    return Money.format(minorUnits, network.currencySymbol);
  }

  /**
   * Narrates one action: its description, then, once {@code action} returns, the result {@code
   * describe} makes of it. A failure ends the line with the reason and fails the step.
   */
  <T> T act(String description, Callable<T> action, Function<T, String> describe) {
    console.action(description);
    T value;
    try {
      value = action.call();
    } catch (Exception e) {
      Throwable cause = unwrap(e);
      console.result(Console.Outcome.FAILED, reason(cause));
      throw new StepFailedException(description + ": " + reason(cause), cause);
    }
    console.result(Console.Outcome.DONE, describe.apply(value));
    return value;
  }

  /** Narrates an action that the ledger is expected to refuse; it fails the step if it does not. */
  void expectRefusal(String description, Callable<String> refusalReason) {
    console.action(description);
    String reason;
    try {
      reason = refusalReason.call();
    } catch (Exception e) {
      Throwable cause = unwrap(e);
      console.result(Console.Outcome.FAILED, reason(cause));
      throw new StepFailedException(description + ": " + reason(cause), cause);
    }
    console.result(Console.Outcome.REFUSED, "refused: " + reason);
  }

  static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  /** A demo action that did not do what the scenario expects. */
  static final class StepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailedException(String message, Throwable cause) {
      super(message, cause);
    }

    StepFailedException(String message) {
      super(message);
    }
  }
}
