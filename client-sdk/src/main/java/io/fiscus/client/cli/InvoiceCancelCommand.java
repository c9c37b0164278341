package io.fiscus.client.cli;

import io.fiscus.client.InvoiceClient;
import io.fiscus.client.InvoiceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoice cancel ID --reason R}: the seller withdraws an unpaid invoice. */
@Command(name = "cancel", description = "Cancel one of your unpaid invoices.")
final class InvoiceCancelCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ID",
      description = "The invoice id (0x and 64 hex digits), or SELLER-TAX-ID/NUMBER.")
  InvoiceId id;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why; recorded on the ledger.")
  String reason;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields()
            .add("id", Value.text(id.hex()))
            .add("status", Value.text("cancelled"))
            .add("reason", Value.text(reason)),
        new InvoiceClient(session.sender()).cancel(id, reason).send());
  }
}
