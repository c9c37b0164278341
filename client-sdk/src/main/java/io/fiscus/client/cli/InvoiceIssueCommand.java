package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceClient;
import io.fiscus.client.InvoiceDraft;
import io.fiscus.client.IssuedInvoice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoice issue NUMBER --net AMOUNT --tax-rate PERCENT --document FILE [...]}. */
@Command(
    name = "issue",
    description =
        "Issue a tax invoice as the seller (a registered taxpayer). The document stays"
            + " with you; the ledger records its hash.")
final class InvoiceIssueCommand extends ClientCommand {
  @Parameters(paramLabel = "NUMBER", description = "The invoice number, unique per seller.")
  String number;

  @Option(
      names = "--buyer",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The buyer (default: none, a consumer invoice anyone may pay).")
  String buyer;

  @Option(names = "--net", required = true, paramLabel = "AMOUNT", description = "Net amount.")
  Amount net;

  @Option(
      names = "--tax-rate",
      required = true,
      paramLabel = "PERCENT",
      converter = Arguments.TaxRateConverter.class,
      description = "VAT rate in percent, e.g. 20 or 5.5.")
  int taxRateBp;

  @Option(
      names = "--tax",
      paramLabel = "AMOUNT",
      description = "Tax amount (default: net times rate, rounded down to the cent).")
  Amount tax;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description = "Issue date on the document, YYYY-MM-DD (default: today, UTC).")
  LocalDate date;

  @Option(
      names = "--document",
      required = true,
      paramLabel = "FILE",
      description = "The e-invoice document (e.g. UBL XML) whose hash the ledger records.")
  Path document;

  @Override
  Output run(Session session) {
    InvoiceDraft draft =
        new InvoiceDraft(
            number,
            Optional.ofNullable(buyer),
            date != null ? date : LocalDate.now(ZoneOffset.UTC),
            net,
            tax != null ? tax : InvoiceDraft.taxAt(net, taxRateBp),
            taxRateBp,
            InvoiceDraft.documentHash(DocumentFile.read(document)));
    IssuedInvoice issued = new InvoiceClient(session.sender()).issue(draft).send();
    return TransactionView.fields(
        session,
        Output.fields()
            .add("id", Value.text(issued.id().hex()))
            .add("number", Value.text(number))
            .add("seller", Value.text(session.sender().address()))
            .add("buyer", Value.text(buyer))
            .add("issue date", Value.text(draft.issueDate().toString()))
            .add("net amount", Value.money(draft.netAmount()))
            .add("tax rate", new Value.Rate(taxRateBp))
            .add("tax amount", Value.money(draft.taxAmount()))
            .add("gross amount", Value.money(draft.netAmount().plus(draft.taxAmount())))
            .add("document hash", Value.text(draft.documentHash())),
        issued.result());
  }
}
