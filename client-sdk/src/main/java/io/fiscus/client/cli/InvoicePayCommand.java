package io.fiscus.client.cli;

import io.fiscus.client.InvoiceClient;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.tx.TransactionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invoice pay ID}: the buyer pays net plus tax to the seller. */
@Command(
    name = "pay",
    description = "Pay an invoice: its gross amount moves from you (the buyer) to the seller.")
final class InvoicePayCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ID",
      description = "The invoice id (0x and 64 hex digits), or SELLER-TAX-ID/NUMBER.")
  InvoiceId id;

  @Override
  Output run(Session session) {
    TransactionResult result = new InvoiceClient(session.sender()).pay(id).send();
    Output.FieldsBuilder details = Output.fields().add("id", Value.text(id.hex()));
    result
        .event(LedgerEvent.InvoicePaid.class)
        .ifPresent(
            paid ->
                details
                    .add("payer", Value.text(paid.payer()))
                    .add("paid", Value.money(paid.amount())));
    return TransactionView.fields(session, details, result);
  }
}
