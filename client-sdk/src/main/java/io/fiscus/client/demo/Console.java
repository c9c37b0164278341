package io.fiscus.client.demo;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The devnet's output: one line per action with its result in a column, tables, and on a terminal a
 * status line rewritten in place. Colours and symbols only where the terminal shows them ({@code
 * NO_COLOR} and {@code TERM=dumb} are honoured); plain text everywhere else, so a log or CI output
 * reads the same.
 */
final class Console {
  static final int ACTION_WIDTH = 52;

  private static final String RESET = "\033[0m";
  private static final String BOLD = "\033[1m";
  private static final String DIM = "\033[2m";
  private static final String RED = "\033[31m";
  private static final String GREEN = "\033[32m";
  private static final String YELLOW = "\033[33m";
  private static final String CLEAR_TO_END = "\033[K";

  private final PrintStream out;
  private final boolean terminal;
  private final boolean color;
  private final boolean unicode;
  private final boolean verbose;
  private boolean statusShown;
  private boolean actionOpen;

  Console(PrintStream out, boolean terminal, boolean color, boolean unicode, boolean verbose) {
    this.out = out;
    this.terminal = terminal;
    this.color = color;
    this.unicode = unicode;
    this.verbose = verbose;
  }

  /** A console on standard output, with colours and an in-place status line on a terminal. */
  static Console standardOutput(boolean verbose) {
    boolean terminal = Terminal.isTerminal();
    String term = System.getenv().getOrDefault("TERM", "");
    boolean color = terminal && System.getenv("NO_COLOR") == null && !term.equals("dumb");
    Charset charset = System.out.charset();
    boolean unicode = charset.equals(StandardCharsets.UTF_8);
    return new Console(System.out, terminal, color, unicode, verbose);
  }

  boolean isVerbose() {
    return verbose;
  }

  boolean isTerminal() {
    return terminal;
  }

  synchronized void heading(String text) {
    println(paint(BOLD, text));
  }

  synchronized void line(String text) {
    println(text);
  }

  /** A remark in a lighter colour, indented. */
  synchronized void note(String text) {
    println("  " + paint(DIM, text));
  }

  synchronized void blank() {
    println("");
  }

  /** A numbered part of the demo: {@code " 3 Payments"}. */
  synchronized void section(int number, String title) {
    println("");
    println(paint(BOLD, String.format(" %d  %s", number, title)));
  }

  /** Starts an action's line; {@link #result} ends it. Nothing else prints in between. */
  synchronized void action(String description) {
    clearStatus();
    endOpenAction();
    String text = shown(description);
    String padded =
        text.length() >= ACTION_WIDTH
            ? text + " "
            : text + " ".repeat(ACTION_WIDTH - text.length());
    out.print("    " + padded);
    out.flush();
    actionOpen = true;
  }

  synchronized void result(Outcome outcome, String text) {
    actionOpen = false;
    String symbol =
        switch (outcome) {
          case DONE -> paint(GREEN, unicode ? "✓" : "[ok]");
          case REFUSED -> paint(YELLOW, unicode ? "✗" : "[x]");
          case FAILED -> paint(RED, unicode ? "✗" : "[FAILED]");
        };
    out.println(symbol + " " + shown(outcome == Outcome.FAILED ? paint(RED, text) : text));
  }

  /** A table with a header row; columns padded to their widest cell. */
  synchronized void table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (int r = 0; r < all.size(); r++) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < widths.length; c++) {
        String cell = all.get(r).get(c);
        line.append(cell).append(" ".repeat(widths[c] - cell.length() + 2));
      }
      String text = line.toString().stripTrailing();
      println(r == 0 ? paint(DIM, text) : text);
    }
  }

  /**
   * The live status: rewritten in place on a terminal; elsewhere printed as a line of its own (the
   * caller prints it less often).
   */
  synchronized void status(String text) {
    endOpenAction();
    if (terminal) {
      out.print("\r" + shown(text) + CLEAR_TO_END);
      out.flush();
      statusShown = true;
    } else {
      out.println(shown(text));
    }
  }

  /** Ends the status line so that what follows starts on a fresh line. */
  synchronized void clearStatus() {
    if (statusShown) {
      out.print("\r" + CLEAR_TO_END);
      out.flush();
      statusShown = false;
    }
  }

  synchronized void error(String message) {
    clearStatus();
    endOpenAction();
    out.println(paint(RED, "error: ") + shown(message));
  }

  /** Detail shown only with {@code --verbose}. */
  synchronized void detail(String text) {
    if (verbose) {
      println("      " + paint(DIM, text));
    }
  }

  synchronized void stackTrace(Throwable failure) {
    if (verbose) {
      failure.printStackTrace(out);
    }
  }

  String paint(String style, String text) {
    return color ? style + text + RESET : text;
  }

  String good(String text) {
    return paint(GREEN, text);
  }

  String bad(String text) {
    return paint(RED, text);
  }

  String dim(String text) {
    return paint(DIM, text);
  }

  private void println(String text) {
    clearStatus();
    endOpenAction();
    out.println(shown(text));
  }

  /** An action whose result never came (an exception left it): marked failed, line ended. */
  private void endOpenAction() {
    if (actionOpen) {
      result(Outcome.FAILED, "did not finish");
    }
  }

  /** The text as this output can show it: without Unicode punctuation where it is not UTF-8. */
  private String shown(String text) {
    return unicode
        ? text
        : text.replace("·", "-").replace("…", "...").replace("–", "-").replace("●", "*");
  }

  /** {@code 1 block}, {@code 2 blocks}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code on all 4 validators}, or {@code on the validator} when there is one. */
  static String onAll(int validators) {
    return validators == 1 ? "on the validator" : "on all " + validators + " validators";
  }

  /** How an action ended. */
  enum Outcome {
    DONE,
    /** Refused as the scenario expects (a limit, a rule): shown, not a failure. */
    REFUSED,
    FAILED
  }
}
