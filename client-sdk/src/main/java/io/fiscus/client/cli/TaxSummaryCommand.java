package io.fiscus.client.cli;

import io.fiscus.client.TaxAuthorityClient;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.TaxPeriod;
import io.fiscus.client.rpc.TaxSummary;
import io.fiscus.client.rpc.TaxSummaryQuery;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tax-summary --seller ADDRESS|--seller-tax-id ID --from DATE --to DATE}: VAT totals. */
@Command(
    name = "tax-summary",
    description = "A seller's VAT totals over a period: invoices, credit notes, payments, VAT due.")
final class TaxSummaryCommand extends ClientCommand {

  @ArgGroup(multiplicity = "1")
  Seller seller;

  /** The seller, by address or by tax id. */
  static final class Seller {
    @Option(
        names = "--seller",
        paramLabel = "ADDRESS",
        converter = Arguments.AddressConverter.class,
        description = "The seller's account.")
    String address;

    @Option(names = "--seller-tax-id", paramLabel = "TAX-ID", description = "The seller's tax id.")
    TaxId taxId;
  }

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First day of the period (YYYY-MM-DD).")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "Last day of the period, included (YYYY-MM-DD).")
  LocalDate to;

  @Override
  Output run(Session session) {
    TaxPeriod period = period();
    TaxSummaryQuery query =
        seller.address != null
            ? TaxSummaryQuery.of(seller.address, period)
            : TaxSummaryQuery.of(seller.taxId, period);
    TaxSummary summary = new TaxAuthorityClient(session.fiscus()).summary(query).send();
    return Output.fields()
        .add("seller", Value.text(seller.address != null ? seller.address : seller.taxId.value()))
        .add("from", Value.text(from.toString()))
        .add("to", Value.text(to.toString()))
        .add("invoices", Value.count(summary.invoiceCount()))
        .add("net total", Value.money(summary.netTotal()))
        .add("tax total", Value.money(summary.taxTotal()))
        .add("credit notes", Value.count(summary.creditNoteCount()))
        .add("credit net total", Value.money(summary.creditNetTotal()))
        .add("credit tax total", Value.money(summary.creditTaxTotal()))
        .add("paid invoices", Value.count(summary.paidCount()))
        .add("paid gross total", Value.money(summary.paidGrossTotal()))
        .add("vat due", new Value.Money(summary.vatDueMinorUnits()))
        .build();
  }

  private TaxPeriod period() {
    try {
      return new TaxPeriod(from, to);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--to is before --from: " + from + " .. " + to, e);
    }
  }
}
