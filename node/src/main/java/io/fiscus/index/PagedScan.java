package io.fiscus.index;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a range scan over an index: reads rows in chunks of at most {@code limit + 1}, keeps
 * those the residual filter accepts, and stops at {@code limit + 1} matches (the extra one only
 * proves there is more) or after {@link QueryLimits#ROWS_EXAMINED_PER_ITEM} × limit rows. When the
 * index is exactly the query, that is one scan of {@code limit + 1} rows.
 */
final class PagedScan {
  private PagedScan() {}

  /** A row as a result, or empty when a filter the index does not cover rejects it. */
  @FunctionalInterface
  interface RowReader<T> {
    Optional<T> read(KeyValueStore.Entry row);
  }

  /** The items, and the last row consumed when more may follow. */
  record Result<T>(List<T> items, Optional<byte[]> lastConsumedKey) {}

  static <T> Result<T> page(
      KeyValueStore store,
      Column column,
      KeyRange range,
      boolean descending,
      int limit,
      RowReader<T> reader) {
    int examineMax = QueryLimits.ROWS_EXAMINED_PER_ITEM * limit;
    List<T> items = new ArrayList<>(limit);
    byte[] lastItemKey = null;
    byte[] lastKey = null;
    int examined = 0;
    KeyRange rest = range;
    while (examined < examineMax && !rest.isEmpty()) {
      int chunk = Math.min(limit + 1, examineMax - examined);
      List<KeyValueStore.Entry> rows =
          store.scan(column, rest.fromInclusive(), rest.toExclusive(), descending, chunk);
      for (KeyValueStore.Entry row : rows) {
        examined++;
        Optional<T> item = reader.read(row);
        if (item.isPresent()) {
          if (items.size() == limit) {
            return new Result<>(items, Optional.of(lastItemKey));
          }
          items.add(item.get());
          lastItemKey = row.key();
        }
        lastKey = row.key();
      }
      if (rows.size() < chunk) {
        return new Result<>(items, Optional.empty());
      }
      rest = rest.after(lastKey, descending);
    }
    // Out of rows to examine (or the range ends exactly here): continue after the last row read.
    return new Result<>(items, rest.isEmpty() ? Optional.empty() : Optional.ofNullable(lastKey));
  }
}
