package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.TaxId;
import io.fiscus.client.tx.TransactionResult;
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

  /** The parties acting through the SDK. */
  final DemoParties parties;

  /** The payment with a reference (step 3), whose finality step 7 verifies. */
  String referencePaymentHash;

  /** The refused payment (step 3): step 7 offers its proof for the other one, as a lying node. */
  String refusedPaymentHash;

  /** The merchant's tax id (step 4), which the tax authority queries in step 5. */
  TaxId merchantTaxId;

  DemoContext(
      DevnetNetwork network,
      DevnetNodes nodes,
      Console console,
      long startHeight,
      DemoParties parties) {
    this.network = network;
    this.nodes = nodes;
    this.console = console;
    this.startHeight = startHeight;
    this.parties = parties;
  }

  /**
   * How many validators the demo may use for its clients: all but the last when the network can
   * lose one (step 6 kills the last), else all of them.
   */
  static int usableValidators(int validators) {
    return ValidatorFailureStep.canLoseOne(validators) ? validators - 1 : validators;
  }

  String money(Amount amount) {
    return Money.format(amount.minorUnits(), network.currencySymbol);
  }

  static String block(TransactionResult result) {
    return "block " + result.blockNumber();
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

  /**
   * Narrates an action that is expected to be refused ({@code verb}: "refused", "rejected"), with
   * the reason {@code refusalReason} returns; it throws when the action was not refused.
   */
  void expectRefusal(String verb, String description, Callable<String> refusalReason) {
    console.action(description);
    String reason;
    try {
      reason = refusalReason.call();
    } catch (Exception e) {
      Throwable cause = unwrap(e);
      console.result(Console.Outcome.FAILED, reason(cause));
      throw new StepFailedException(description + ": " + reason(cause), cause);
    }
    console.result(Console.Outcome.REFUSED, verb + ": " + reason);
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
