package io.fiscus.client.examples;

import io.fiscus.client.Amount;
import io.fiscus.client.Fiscus;
import io.fiscus.client.TaxAuthorityClient;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.TaxPeriod;
import io.fiscus.client.rpc.TaxSummary;
import java.io.Writer;

/** README: the tax authority's quarterly VAT summary of a seller, and the invoices behind it. */
public final class QuarterlyVatExample {
  private QuarterlyVatExample() {}

  /**
   * Summarizes {@code seller}'s VAT for a quarter and writes its invoices as CSV to {@code csv}.
   */
  public static TaxSummary quarter(Fiscus fiscus, TaxId seller, int year, int quarter, Writer csv) {
    // tag::vat[]
    TaxAuthorityClient taxAuthority = new TaxAuthorityClient(fiscus); // read-only, no key
    TaxPeriod period = TaxPeriod.quarter(year, quarter);
    TaxSummary vat = taxAuthority.summary(seller, period).send();
    System.out.printf(
        "%s %s: %d invoices, net %s, VAT %s, credited VAT %s, VAT due %s%n",
        seller,
        period,
        vat.invoiceCount(),
        vat.netTotal(),
        vat.taxTotal(),
        vat.creditTaxTotal(),
        Amount.ofMinorUnits(Math.max(0, vat.vatDueMinorUnits())));

    // The invoices behind it, fetched page by page as the stream is consumed:
    InvoiceQuery invoices = InvoiceQuery.all().withSellerTaxId(seller).within(period);
    taxAuthority.stream(invoices).forEach(i -> System.out.println(i.number() + " " + i.status()));
    long rows = taxAuthority.exportCsv(invoices, csv); // one line per invoice, with a header
    // end::vat[]
    System.out.println(rows + " invoices exported");
    return vat;
  }
}
