package io.fiscus.client.cli;

import picocli.CommandLine.Option;

/** How many items a list command shows: {@code --limit N}. */
final class ListOptions {
  static final int LIMIT_MAX = 10_000;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show at most N items, 1.." + LIMIT_MAX + " (default: ${DEFAULT-VALUE}).")
  int limit;

  int limit() {
    if (limit < 1 || limit > LIMIT_MAX) {
      throw new UsageException("--limit must be 1 to " + LIMIT_MAX + ", not " + limit);
    }
    return limit;
  }

  /** The line after a list that was cut short. */
  String moreHint(boolean more) {
    return more ? "(the first " + limit + " shown; --limit N shows more)" : null;
  }
}
