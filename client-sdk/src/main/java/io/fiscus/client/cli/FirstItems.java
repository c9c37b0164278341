package io.fiscus.client.cli;

import io.fiscus.client.rpc.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The first {@code count} items of a paged {@code cbdc_} query, and whether more follow: what a
 * list command shows, with a hint to ask for more.
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

  /**
   * Fetches pages until {@code count} items and one more are seen, or the query ends.
   *
   * @param fetchPage asks for one page: (cursor, or empty for the first page; page size)
   */
  static <T> FirstItems<T> fetch(
      int count, BiFunction<Optional<String>, Integer, Page<T>> fetchPage) {
    List<T> items = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      int wanted = Math.min(count + 1 - items.size(), PAGE_SIZE_MAX);
      Page<T> page = fetchPage.apply(cursor, wanted);
      items.addAll(page.items());
      cursor = page.nextCursor();
    } while (items.size() <= count && cursor.isPresent());
    boolean more = items.size() > count;
    return new FirstItems<>(more ? items.subList(0, count) : items, more);
  }
}
