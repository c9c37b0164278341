package io.fiscus.index;

import java.util.List;
import java.util.Optional;

/** One page of a query, newest or oldest first as the query says, and where to continue. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
