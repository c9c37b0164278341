package io.fiscus.index;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link LedgerIndex} over the rows {@link ChainIndexer} writes. Every page query is one
 * bounded range scan of the most selective index for its filters (see {@code
 * docs/storage-indexes.md}), examining at most {@link QueryLimits#ROWS_EXAMINED_PER_ITEM} × limit
 * rows; limits outside {@code [1, }{@link QueryLimits#MAX_LIMIT}{@code ]}, malformed cursors and
 * contradictory filters are {@link InvalidQueryException}s.
 *
 * <p>Reads only the store, except that a tax summary by tax id resolves the seller in {@code
 * latestState}. Safe to call from any thread.
 */
public final class StoredLedgerIndex implements LedgerIndex {
  private static final int HISTORY_INDEX_ID = 0;

  private final KeyValueStore store;
  private final InvoiceQueries invoices;
  private final TaxSummaries taxSummaries;
  private final RecordQueries records;

  public StoredLedgerIndex(KeyValueStore store, Supplier<StateView> latestState) {
    this.store = store;
    this.invoices = new InvoiceQueries(store);
    this.taxSummaries = new TaxSummaries(store, latestState);
    this.records = new RecordQueries(store);
  }

  /** Newest first, within {@code [fromBlock, toBlock]}. */
  @Override
  public Page<HistoryEntry> accountHistory(HistoryQuery query) {
    int limit = QueryLimits.checkLimit(query.limit());
    long fromBlock = query.fromBlock().orElse(0);
    long toBlock = query.toBlock().orElse(Long.MAX_VALUE);
    if (fromBlock < 0 || toBlock < 0) {
      throw new InvalidQueryException("block numbers are never negative");
    }
    if (fromBlock > toBlock) {
      throw new InvalidQueryException("fromBlock is after toBlock");
    }
    KeyRange range =
        new KeyRange(
            HistoryRows.blockStart(query.account(), fromBlock),
            HistoryRows.blockEnd(query.account(), toBlock));
    Optional<byte[]> after =
        Cursors.decode(
            query.cursor(),
            Cursors.Query.ACCOUNT_HISTORY,
            HISTORY_INDEX_ID,
            HistoryRows.KEY_SIZE,
            range);
    KeyRange rest = after.map(key -> range.after(key, true)).orElse(range);
    PagedScan.Result<HistoryEntry> result =
        PagedScan.page(
            store,
            Column.ACCOUNT_HISTORY,
            rest,
            true,
            limit,
            row -> Optional.of(HistoryRows.decode(row.key(), row.value())));
    return new Page<>(
        result.items(),
        result
            .lastConsumedKey()
            .map(key -> Cursors.encode(Cursors.Query.ACCOUNT_HISTORY, HISTORY_INDEX_ID, key)));
  }

  /** By issue date ascending (then invoice id). */
  @Override
  public Page<Invoice> invoices(InvoiceQuery query) {
    return invoices.invoices(query);
  }

  @Override
  public TaxSummary taxSummary(TaxSummaryQuery query) {
    return taxSummaries.summary(query);
  }

  /** Newest first; a single series (submitter, kind and key given) by version descending. */
  @Override
  public Page<RecordEntry> records(RecordQuery query) {
    return records.records(query);
  }
}
