package io.fiscus.client.cli;

import io.fiscus.client.FiscusException;
import io.fiscus.client.InvoiceClient;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.rpc.Invoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code invoice show ID}: one invoice or credit note. */
@Command(name = "show", description = "Show an invoice or credit note.")
final class InvoiceShowCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ID",
      description = "The invoice id (0x and 64 hex digits), or SELLER-TAX-ID/NUMBER.")
  InvoiceId id;

  @Override
  Output run(Session session) {
    Invoice invoice =
        new InvoiceClient(session.fiscus())
            .get(id)
            .send()
            .orElseThrow(() -> new FiscusException("no invoice " + id));
    return InvoiceView.fields(invoice);
  }
}
