package io.fiscus.index;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * {@code cbdc_getRecords}, newest first: all three filters name one series (by version); otherwise
 * the key, submitter or kind index (in that order of expected selectivity) with the other filters
 * checked on each row's header; no filter walks every record in chain order. Payloads are read from
 * the position rows only for the records returned.
 */
final class RecordQueries {
  private final KeyValueStore store;

  RecordQueries(KeyValueStore store) {
    this.store = store;
  }

  /** A matching row: its header, and the payload when the row is a position row. */
  private record Match(RecordRows.Header header, Optional<Bytes> payload) {}

  Page<RecordEntry> records(RecordQuery query) {
    int limit = QueryLimits.checkLimit(query.limit());
    RecordRows.Index index = chooseIndex(query);
    byte[] partition = partition(index, query);
    int keySize = partition.length + (index == RecordRows.Index.SERIES ? 8 : LogPosition.SIZE);
    KeyRange range = KeyRange.ofPrefix(partition);
    Optional<byte[]> after =
        Cursors.decode(query.cursor(), Cursors.Query.RECORDS, index.id, keySize, range);
    KeyRange rest = after.map(key -> range.after(key, true)).orElse(range);
    PagedScan.Result<Match> result =
        PagedScan.page(
            store,
            Column.RECORDS,
            rest,
            true,
            limit,
            row -> {
              RecordRows.Header header = RecordRows.decodeHeader(row.value());
              if (!matches(query, header)) {
                return Optional.empty();
              }
              Optional<Bytes> payload =
                  index == RecordRows.Index.POSITION
                      ? Optional.of(RecordRows.payload(row.value()))
                      : Optional.empty();
              return Optional.of(new Match(header, payload));
            });
    List<RecordEntry> items =
        result.items().stream()
            .map(
                match ->
                    match
                        .header()
                        .withPayload(match.payload().orElseGet(() -> payloadOf(match.header()))))
            .toList();
    return new Page<>(
        items,
        result.lastConsumedKey().map(key -> Cursors.encode(Cursors.Query.RECORDS, index.id, key)));
  }

  private Bytes payloadOf(RecordRows.Header header) {
    byte[] row =
        store
            .get(Column.RECORDS, RecordRows.positionKey(header.position()))
            .orElseThrow(() -> new IllegalStateException("record index row without its record"));
    return RecordRows.payload(row);
  }

  private static RecordRows.Index chooseIndex(RecordQuery query) {
    if (query.submitter().isPresent() && query.kind().isPresent() && query.key().isPresent()) {
      return RecordRows.Index.SERIES;
    }
    if (query.key().isPresent()) {
      return RecordRows.Index.KEY;
    }
    if (query.submitter().isPresent()) {
      return RecordRows.Index.SUBMITTER;
    }
    if (query.kind().isPresent()) {
      return RecordRows.Index.KIND;
    }
    return RecordRows.Index.POSITION;
  }

  private static byte[] partition(RecordRows.Index index, RecordQuery query) {
    return switch (index) {
      case SERIES ->
          RecordRows.seriesPartition(
              query.submitter().orElseThrow(),
              query.kind().orElseThrow(),
              query.key().orElseThrow());
      case KEY -> RecordRows.keyPartition(query.key().orElseThrow());
      case SUBMITTER -> RecordRows.submitterPartition(query.submitter().orElseThrow());
      case KIND -> RecordRows.kindPartition(query.kind().orElseThrow());
      case POSITION -> RecordRows.positionPartition();
    };
  }

  private static boolean matches(RecordQuery query, RecordRows.Header header) {
    return query.submitter().map(header.submitter()::equals).orElse(true)
        && query.kind().map(header.kind()::equals).orElse(true)
        && query.key().map(header.key()::equals).orElse(true);
  }
}
