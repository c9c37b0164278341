package io.fiscus.index;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.types.Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code cbdc_getTaxSummary}: adds up one seller's invoices and credit notes issued in a period,
 * read from the seller index in chunks. Cancelled documents count nowhere; paid invoices count in
 * both the invoice and the paid totals.
 */
final class TaxSummaries {
  private static final int CHUNK_ROWS = 1000;

  private final KeyValueStore store;
  private final Supplier<StateView> latestState;

  TaxSummaries(KeyValueStore store, Supplier<StateView> latestState) {
    this.store = store;
    this.latestState = latestState;
  }

  TaxSummary summary(TaxSummaryQuery query) {
    InvoiceQueries.checkDates(OptionalLong.of(query.fromDate()), OptionalLong.of(query.toDate()));
    Optional<Address> seller = resolveSeller(query);
    Totals totals = new Totals();
    if (seller.isEmpty()) {
      return totals.toSummary();
    }
    KeyRange rest =
        InvoiceQueries.dateRange(
            InvoiceRows.sellerPartition(seller.get()),
            OptionalLong.of(query.fromDate()),
            OptionalLong.of(query.toDate()));
    long added = 0;
    while (!rest.isEmpty()) {
      List<KeyValueStore.Entry> rows =
          store.scan(Column.INVOICES, rest.fromInclusive(), rest.toExclusive(), false, CHUNK_ROWS);
      for (KeyValueStore.Entry row : rows) {
        if (++added > QueryLimits.TAX_SUMMARY_INVOICES_MAX) {
          throw new InvalidQueryException(
              "more than " + QueryLimits.TAX_SUMMARY_INVOICES_MAX + " invoices: split the period");
        }
        totals.add(InvoiceRows.decode(row.value()));
      }
      if (rows.size() < CHUNK_ROWS) {
        break;
      }
      rest = rest.after(rows.getLast().key(), false);
    }
    return totals.toSummary();
  }

  /** The seller's address; empty when the tax id belongs to nobody (nothing to sum). */
  private Optional<Address> resolveSeller(TaxSummaryQuery query) {
    if (query.sellerTaxId().filter(String::isEmpty).isPresent()) {
      throw new InvalidQueryException("sellerTaxId must not be empty");
    }
    if (query.sellerTaxId().isEmpty()) {
      return Optional.of(
          query
              .seller()
              .orElseThrow(() -> new InvalidQueryException("give seller or sellerTaxId")));
    }
    Optional<Address> owner =
        RegistryStore.accountByTaxId(latestState.get(), query.sellerTaxId().get());
    if (query.seller().isPresent() && !query.seller().equals(owner)) {
      throw new InvalidQueryException("seller and sellerTaxId name different accounts");
    }
    return owner;
  }

  /** Running totals; Math.addExact because a sum past 2^63-1 must not wrap silently. */
  private static final class Totals {
    private long invoiceCount;
    private long netTotal;
    private long taxTotal;
    private long creditNoteCount;
    private long creditNetTotal;
    private long creditTaxTotal;
    private long paidCount;
    private long paidGrossTotal;

    void add(Invoice invoice) {
      if (invoice.status() == Invoice.CANCELLED) {
        return;
      }
      try {
        if (invoice.isCreditNote()) {
          creditNoteCount++;
          creditNetTotal = Math.addExact(creditNetTotal, invoice.netAmount());
          creditTaxTotal = Math.addExact(creditTaxTotal, invoice.taxAmount());
          return;
        }
        invoiceCount++;
        netTotal = Math.addExact(netTotal, invoice.netAmount());
        taxTotal = Math.addExact(taxTotal, invoice.taxAmount());
        if (invoice.status() == Invoice.PAID) {
          paidCount++;
          paidGrossTotal =
              Math.addExact(
                  paidGrossTotal, Math.addExact(invoice.netAmount(), invoice.taxAmount()));
        }
      } catch (ArithmeticException e) {
        throw new InvalidQueryException("totals exceed 2^63-1 minor units: split the period");
      }
    }

    TaxSummary toSummary() {
      return new TaxSummary(
          invoiceCount,
          netTotal,
          taxTotal,
          creditNoteCount,
          creditNetTotal,
          creditTaxTotal,
          paidCount,
          paidGrossTotal);
    }
  }
}
