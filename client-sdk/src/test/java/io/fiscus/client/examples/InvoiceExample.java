package io.fiscus.client.examples;

import io.fiscus.client.Amount;
import io.fiscus.client.FiscusClient;
import io.fiscus.client.InvoiceDraft;
import io.fiscus.client.IssuedInvoice;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/** README: a merchant issues an invoice and the customer pays it. */
public final class InvoiceExample {
  private InvoiceExample() {}

  /** Issues invoice {@code number} from {@code merchant} to {@code customer}, who pays it. */
  public static InvoiceStatus issueAndPay(
      FiscusClient merchant, FiscusClient customer, String number) {
    // tag::invoice[]
    byte[] document =
        ("<Invoice><ID>" + number + "</ID>...</Invoice>")
            .getBytes(StandardCharsets.UTF_8); // the e-invoice (e.g. UBL XML) stays off the ledger
    IssuedInvoice issued =
        merchant
            .invoices()
            .issue(
                InvoiceDraft.of(
                    number,
                    Optional.of(customer.address()),
                    LocalDate.of(2026, 11, 30),
                    Amount.parse("100.00"), // net
                    2000, // VAT 20 % in basis points: tax 20.00, the ledger records its hash
                    document))
            .send();

    customer.invoices().pay(issued.id()).send(); // 120.00 moves to the merchant atomically

    Invoice invoice = merchant.invoices().get(issued.id()).send().orElseThrow();
    System.out.println(invoice.number() + " is " + invoice.status()); // INV-… is PAID
    // end::invoice[]
    return invoice.status();
  }
}
