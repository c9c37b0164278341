package io.fiscus.index;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code cbdc_getInvoices}: picks the most selective index among the filters given (a party before
 * a status before the bare date index), bounds it by the dates (every invoice index is ordered by
 * issue date inside its partition) and checks the other filters on each row.
 */
final class InvoiceQueries {
  private final KeyValueStore store;

  InvoiceQueries(KeyValueStore store) {
    this.store = store;
  }

  Page<Invoice> invoices(InvoiceQuery query) {
    int limit = QueryLimits.checkLimit(query.limit());
    checkFilters(query);
    InvoiceRows.Index index = chooseIndex(query);
    byte[] partition = partition(index, query);
    KeyRange range = dateRange(partition, query.fromDate(), query.toDate());
    Optional<byte[]> after =
        Cursors.decode(
            query.cursor(),
            Cursors.Query.INVOICES,
            index.id,
            InvoiceRows.keySize(partition),
            range);
    KeyRange rest = after.map(key -> range.after(key, false)).orElse(range);
    PagedScan.Result<Invoice> result =
        PagedScan.page(
            store,
            Column.INVOICES,
            rest,
            false,
            limit,
            row -> Optional.of(InvoiceRows.decode(row.value())).filter(i -> matches(query, i)));
    return new Page<>(
        result.items(),
        result.lastConsumedKey().map(key -> Cursors.encode(Cursors.Query.INVOICES, index.id, key)));
  }

  /** A partition's rows issued in {@code [fromDate, toDate]}, open ends unbounded. */
  static KeyRange dateRange(byte[] partition, OptionalLong fromDate, OptionalLong toDate) {
    return new KeyRange(
        InvoiceRows.dateStart(partition, fromDate.orElse(0)),
        InvoiceRows.dateEnd(partition, toDate.orElse(Long.MAX_VALUE)));
  }

  static void checkDates(OptionalLong fromDate, OptionalLong toDate) {
    if (fromDate.orElse(0) < 0 || toDate.orElse(0) < 0) {
      throw new InvalidQueryException("dates are unix seconds, never negative");
    }
    if (fromDate.isPresent() && toDate.isPresent() && fromDate.getAsLong() > toDate.getAsLong()) {
      throw new InvalidQueryException("fromDate is after toDate");
    }
  }

  private static void checkFilters(InvoiceQuery query) {
    checkDates(query.fromDate(), query.toDate());
    if (query.status().isPresent()) {
      int status = query.status().getAsInt();
      if (status != Invoice.ISSUED && status != Invoice.PAID && status != Invoice.CANCELLED) {
        throw new InvalidQueryException("status must be 1 (issued), 2 (paid) or 3 (cancelled)");
      }
    }
    if (query.sellerTaxId().filter(String::isEmpty).isPresent()
        || query.buyerTaxId().filter(String::isEmpty).isPresent()) {
      throw new InvalidQueryException("a tax id filter must not be empty");
    }
  }

  private static InvoiceRows.Index chooseIndex(InvoiceQuery query) {
    if (query.seller().isPresent()) {
      return InvoiceRows.Index.SELLER;
    }
    if (query.sellerTaxId().isPresent()) {
      return InvoiceRows.Index.SELLER_TAX_ID;
    }
    if (query.buyer().isPresent()) {
      return InvoiceRows.Index.BUYER;
    }
    if (query.buyerTaxId().isPresent()) {
      return InvoiceRows.Index.BUYER_TAX_ID;
    }
    if (query.status().isPresent()) {
      return InvoiceRows.Index.STATUS;
    }
    return InvoiceRows.Index.ISSUE_DATE;
  }

  private static byte[] partition(InvoiceRows.Index index, InvoiceQuery query) {
    return switch (index) {
      case SELLER -> InvoiceRows.sellerPartition(query.seller().orElseThrow());
      case SELLER_TAX_ID -> InvoiceRows.sellerTaxIdPartition(query.sellerTaxId().orElseThrow());
      case BUYER -> InvoiceRows.buyerPartition(query.buyer().orElseThrow());
      case BUYER_TAX_ID -> InvoiceRows.buyerTaxIdPartition(query.buyerTaxId().orElseThrow());
      case STATUS -> InvoiceRows.statusPartition(query.status().orElseThrow());
      case ISSUE_DATE -> InvoiceRows.issueDatePartition();
    };
  }

  private static boolean matches(InvoiceQuery query, Invoice invoice) {
    return query.seller().map(invoice.seller()::equals).orElse(true)
        && query.buyer().map(invoice.buyer()::equals).orElse(true)
        && query.sellerTaxId().map(invoice.sellerTaxId()::equals).orElse(true)
        && query.buyerTaxId().map(invoice.buyerTaxId()::equals).orElse(true)
        && (query.status().isEmpty() || query.status().getAsInt() == invoice.status());
  }
}
