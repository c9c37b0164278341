package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.FiscusException;
import io.fiscus.client.InvoiceClient;
import io.fiscus.client.InvoiceDraft;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.IssuedInvoice;
import io.fiscus.client.rpc.Invoice;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoice credit ORIGINAL-ID NUMBER --net AMOUNT --document FILE [--tax AMOUNT]}. */
@Command(
    name = "credit",
    description = "Issue a credit note against one of your invoices, at the invoice's tax rate.")
final class InvoiceCreditCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "ORIGINAL-ID",
      description = "The invoice credited: its id, or SELLER-TAX-ID/NUMBER.")
  InvoiceId originalId;

  @Parameters(index = "1", paramLabel = "NUMBER", description = "The credit note's number.")
  String number;

  @Option(
      names = "--net",
      required = true,
      paramLabel = "AMOUNT",
      description = "Net amount credited; all credit notes together at most the invoice's net.")
  Amount net;

  @Option(
      names = "--tax",
      paramLabel = "AMOUNT",
      description = "Tax credited (default: net times the invoice's rate, rounded down).")
  Amount tax;

  @Option(
      names = "--document",
      required = true,
      paramLabel = "FILE",
      description = "The credit note document whose hash the ledger records.")
  Path document;

  @Override
  Output run(Session session) {
    byte[] documentBytes = DocumentFile.read(document);
    InvoiceClient invoices = new InvoiceClient(session.sender());
    Amount credited = tax != null ? tax : taxAtOriginalRate(invoices);
    IssuedInvoice issued =
        invoices.creditNote(originalId, number, net, credited, documentBytes).send();
    return TransactionView.fields(
        session,
        Output.fields()
            .add("id", Value.text(issued.id().hex()))
            .add("number", Value.text(number))
            .add("original id", Value.text(originalId.hex()))
            .add("net amount", Value.money(net))
            .add("tax amount", Value.money(credited))
            .add("document hash", Value.text(InvoiceDraft.documentHash(documentBytes))),
        issued.result());
  }

  private Amount taxAtOriginalRate(InvoiceClient invoices) {
    Invoice original =
        invoices
            .get(originalId)
            .send()
            .orElseThrow(() -> new FiscusException("no invoice " + originalId));
    return InvoiceDraft.taxAt(net, original.taxRateBp());
  }
}
