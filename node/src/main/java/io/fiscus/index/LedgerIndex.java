package io.fiscus.index;

import io.fiscus.contracts.invoices.Invoice;

/**
 * The queries banks and the tax authority run, served from the secondary indexes by range scans
 * over ordered keys. Cursors are opaque strings returned in {@link Page#nextCursor()}.
 *
 * <p>Every method throws {@link InvalidQueryException} when a cursor or filter is malformed.
 */
public interface LedgerIndex {
  Page<HistoryEntry> accountHistory(HistoryQuery query);

  Page<Invoice> invoices(InvoiceQuery query);

  TaxSummary taxSummary(TaxSummaryQuery query);

  Page<RecordEntry> records(RecordQuery query);
}
