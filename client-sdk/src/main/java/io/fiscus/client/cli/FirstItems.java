package io.fiscus.client.cli;

import java.util.List;
import java.util.stream.Stream;

/**
 * The first items of a paginated query, and whether more follow: what a list command shows, with a
 * hint to ask for more.
 *
 * @param items at most the asked-for number of items, in the query's order
 * @param more whether the query has items beyond them
 */
record FirstItems<T>(List<T> items, boolean more) {
  /** The node's largest page. */
  static final int PAGE_SIZE_MAX = 1000;

  FirstItems {
    items = List.copyOf(items);
  }

  /** The page size that fetches {@code count} items and one more in as few pages as may be. */
  static int pageSize(int count) {
    return Math.min(count + 1, PAGE_SIZE_MAX);
  }

  /** Takes {@code count} items and looks at one more, so only the pages needed are fetched. */
  static <T> FirstItems<T> of(Stream<T> items, int count) {
    List<T> taken = items.limit(count + 1L).toList();
    boolean more = taken.size() > count;
    return new FirstItems<>(more ? taken.subList(0, count) : taken, more);
  }
}
