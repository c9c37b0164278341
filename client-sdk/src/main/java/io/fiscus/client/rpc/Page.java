package io.fiscus.client.rpc;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@code cbdc_} query.
 *
 * @param items the page's items, in the query's order
 * @param nextCursor the cursor that continues the same query, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Whether a further page may follow.
   *
   * @return true if {@link #nextCursor()} is present
   */
  public boolean hasNext() {
    return nextCursor.isPresent();
  }
}
