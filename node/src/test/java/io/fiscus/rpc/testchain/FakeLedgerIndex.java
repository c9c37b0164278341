package io.fiscus.rpc.testchain;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.index.HistoryEntry;
import io.fiscus.index.HistoryQuery;
import io.fiscus.index.InvalidQueryException;
import io.fiscus.index.InvoiceQuery;
import io.fiscus.index.LedgerIndex;
import io.fiscus.index.Page;
import io.fiscus.index.RecordEntry;
import io.fiscus.index.RecordQuery;
import io.fiscus.index.TaxSummary;
import io.fiscus.index.TaxSummaryQuery;
import java.util.List;
import java.util.Optional;

/**
 * Answers every query with the page a test set, remembers the last query asked, and refuses the
 * cursor {@value #BAD_CURSOR} as the real index refuses a malformed one.
 */
public final class FakeLedgerIndex implements LedgerIndex {
  public static final String BAD_CURSOR = "not-a-cursor";

  public Page<HistoryEntry> history = new Page<>(List.of(), Optional.empty());
  public Page<Invoice> invoices = new Page<>(List.of(), Optional.empty());
  public TaxSummary taxSummary = new TaxSummary(0, 0, 0, 0, 0, 0, 0, 0);
  public Page<RecordEntry> records = new Page<>(List.of(), Optional.empty());
  public Object lastQuery;

  @Override
  public Page<HistoryEntry> accountHistory(HistoryQuery query) {
    lastQuery = query;
    refuseBadCursor(query.cursor());
    return history;
  }

  @Override
  public Page<Invoice> invoices(InvoiceQuery query) {
    lastQuery = query;
    refuseBadCursor(query.cursor());
    return invoices;
  }

  @Override
  public TaxSummary taxSummary(TaxSummaryQuery query) {
    lastQuery = query;
    return taxSummary;
  }

  @Override
  public Page<RecordEntry> records(RecordQuery query) {
    lastQuery = query;
    refuseBadCursor(query.cursor());
    return records;
  }

  private static void refuseBadCursor(Optional<String> cursor) {
    if (cursor.isPresent() && cursor.get().equals(BAD_CURSOR)) {
      throw new InvalidQueryException("malformed cursor");
    }
  }
}
