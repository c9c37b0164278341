package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.FiscusClient;
import io.fiscus.client.TaxAuthorityClient;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceKind;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.TaxPeriod;
import io.fiscus.client.rpc.TaxSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Step 5: the tax authority lists the merchant's invoices of the current quarter and gets the VAT
 * summary for it, from the node's invoice indexes. Naming a taxpayer is a recorded look (ADR 0020),
 * so it gives its reason: the VAT return it is checking.
 */
final class TaxAuthorityStep implements DemoStep {
  @Override
  public String title() {
    return "The tax authority's view";
  }

  @Override
  public void run(DemoContext demo) {
    TaxId taxId = demo.merchantTaxId;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int quarter = (today.getMonthValue() - 1) / 3 + 1;
    TaxPeriod period = TaxPeriod.quarter(today.getYear(), quarter);
    String periodName = today.getYear() + "-Q" + quarter;
    try (FiscusClient checking =
        demo.parties.taxAuthority.client().withReason("VAT return " + periodName)) {
      TaxAuthorityClient taxAuthority = checking.taxAuthority();
      demo.act(
          "tax authority: " + taxId.value() + "'s invoices, " + periodName,
          () ->
              taxAuthority.stream(InvoiceQuery.all().withSellerTaxId(taxId).within(period))
                  .toList(),
          invoices -> describe(demo, invoices));
      demo.act(
          "tax authority: " + taxId.value() + "'s VAT, " + periodName,
          () -> taxAuthority.summary(taxId, period).send(),
          summary -> describe(demo, summary));
    }
  }

  private static String describe(DemoContext demo, List<Invoice> invoices) {
    if (invoices.size() != 2) {
      throw new DemoContext.StepFailedException(
          "expected the invoice and its credit note, found " + invoices.size() + " documents");
    }
    return invoices.stream()
        .map(
            invoice ->
                invoice.number()
                    + " "
                    + (invoice.kind() == InvoiceKind.CREDIT_NOTE
                        ? "credit -"
                        : invoice.status().wireName() + " ")
                    + Money.format(invoice.netAmount().plus(invoice.taxAmount())))
        .collect(Collectors.joining(", "));
  }

  private static String describe(DemoContext demo, TaxSummary summary) {
    Amount due = summary.taxTotal().minus(summary.creditTaxTotal());
    return "VAT "
        + Money.format(summary.taxTotal())
        + " - "
        + Money.format(summary.creditTaxTotal())
        + " credited = "
        + demo.money(due)
        + " due";
  }
}
