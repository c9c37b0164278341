package io.fiscus.client;

import io.fiscus.client.rpc.CbdcGetInvoices;
import io.fiscus.client.rpc.CbdcGetTaxSummary;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.rpc.TaxPeriod;
import io.fiscus.client.rpc.TaxSummary;
import io.fiscus.client.rpc.TaxSummaryQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Stream;

/**
 * The tax authority's view of invoicing, answered by the node's indexes: invoices by seller, buyer,
 * tax id, period and status, page by page or as a lazy {@link Stream}; a seller's VAT totals for a
 * period; CSV export of any invoice query. Read-only: it needs no key.
 */
public final class TaxAuthorityClient {
  private final Fiscus fiscus;

  /**
   * A client of a node.
   *
   * @param fiscus the node
   */
  public TaxAuthorityClient(Fiscus fiscus) {
    this.fiscus = fiscus;
  }

  /**
   * One page of a query ({@code cbdc_getInvoices}).
   *
   * @param query the filter, page size and cursor
   * @return the page, by issue date
   */
  public Call<Page<Invoice>> page(InvoiceQuery query) {
    return Call.of(fiscus.cbdcGetInvoices(query)).map(CbdcGetInvoices::getPage);
  }

  /**
   * Every invoice matching a query, fetched page by page (of the query's page size) as the caller
   * iterates.
   *
   * @param query the filter; its cursor, if any, is where the first page starts
   * @return the invoices, by issue date
   */
  public Paginated<Invoice> invoices(InvoiceQuery query) {
    return new Paginated<>(
        cursor -> page(cursor.isPresent() ? query.withCursor(cursor.get()) : query));
  }

  /**
   * Every invoice matching a query, as a lazy stream.
   *
   * @param query the filter
   * @return the invoices, by issue date
   */
  public Stream<Invoice> stream(InvoiceQuery query) {
    return invoices(query).stream();
  }

  /**
   * A seller's VAT totals ({@code cbdc_getTaxSummary}).
   *
   * @param query the seller and period
   * @return the totals
   */
  public Call<TaxSummary> summary(TaxSummaryQuery query) {
    return Call.of(fiscus.cbdcGetTaxSummary(query)).map(CbdcGetTaxSummary::getTaxSummary);
  }

  /**
   * A seller's VAT totals for a period, by tax id: e.g. {@code summary(taxId,
   * TaxPeriod.quarter(2026, 4))}.
   *
   * @param sellerTaxId the seller
   * @param period the issue dates to total
   * @return the totals
   */
  public Call<TaxSummary> summary(TaxId sellerTaxId, TaxPeriod period) {
    return summary(TaxSummaryQuery.of(sellerTaxId, period));
  }

  /**
   * Writes every invoice of a query as CSV: a header line, then one line per invoice with its id,
   * kind, number, issue date, parties, amounts (two decimals), rate, status, original and document
   * hash. Blocks while pages are fetched; does not close the writer.
   *
   * @param query the filter
   * @param out where to write
   * @return the number of invoices written
   * @throws FiscusException if a page cannot be fetched or the writer fails
   */
  public long exportCsv(InvoiceQuery query, Writer out) {
    InvoiceCsv csv = new InvoiceCsv(out);
    try {
      csv.header();
      long rows = 0;
      for (Invoice invoice : invoices(query)) {
        csv.row(invoice);
        rows++;
      }
      out.flush();
      return rows;
    } catch (UncheckedIOException e) {
      throw new FiscusException("cannot write the CSV: " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new FiscusException("cannot write the CSV: " + e.getMessage(), e);
    }
  }
}
