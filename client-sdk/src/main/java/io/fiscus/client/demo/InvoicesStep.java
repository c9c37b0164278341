package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceDraft;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.IssuedInvoice;
import io.fiscus.client.TaxId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Step 4: the tax authority registers the merchant as a taxpayer; the merchant issues an invoice to
 * customer-2, who pays it; a credit note follows. The e-invoice documents stay off the ledger (in
 * {@code devnet/invoices/}); the ledger records their hashes.
 */
final class InvoicesStep implements DemoStep {
  static final String INVOICE_NUMBER = "INV-0001";
  static final String CREDIT_NOTE_NUMBER = "CN-0001";
  static final int VAT_RATE_BP = 2000;
  static final Amount NET = Amount.parse("1000");
  static final Amount CREDITED_NET = Amount.parse("100");

  @Override
  public String title() {
    return "Tax invoices: issued, paid, credited";
  }

  @Override
  public void run(DemoContext demo) {
    DemoParties parties = demo.parties;
    Party merchant = parties.merchant;
    TaxId taxId = taxIdOf(merchant);
    demo.act(
        "tax authority registers merchant as " + taxId.value(),
        () ->
            parties
                .taxAuthority
                .client()
                .registry()
                .registerTaxpayer(merchant.address(), taxId)
                .send(),
        DemoContext::block);
    demo.merchantTaxId = taxId;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Amount vat = InvoiceDraft.taxAt(NET, VAT_RATE_BP);
    byte[] invoiceDocument =
        document(demo, taxId, INVOICE_NUMBER, today, NET, vat, parties.customer2.address());
    InvoiceDraft draft =
        InvoiceDraft.of(
            INVOICE_NUMBER,
            Optional.of(parties.customer2.address()),
            today,
            NET,
            VAT_RATE_BP,
            invoiceDocument);
    IssuedInvoice invoice =
        demo.act(
            "merchant invoices customer-2: "
                + Money.format(NET)
                + " + "
                + VAT_RATE_BP / 100
                + "% VAT",
            () -> merchant.client().invoices().issue(draft).send(),
            issued ->
                DemoContext.block(issued.result())
                    + " · "
                    + INVOICE_NUMBER
                    + ", VAT "
                    + demo.money(vat));
    InvoiceId id = invoice.id();
    demo.act(
        "customer-2 pays " + INVOICE_NUMBER + ": " + demo.money(NET.plus(vat)),
        () -> parties.customer2.client().invoices().pay(id).send(),
        DemoContext::block);

    Amount creditedVat = InvoiceDraft.taxAt(CREDITED_NET, VAT_RATE_BP);
    byte[] creditDocument =
        document(
            demo,
            taxId,
            CREDIT_NOTE_NUMBER,
            today,
            CREDITED_NET,
            creditedVat,
            parties.customer2.address());
    demo.act(
        "merchant issues credit note "
            + CREDIT_NOTE_NUMBER
            + ": "
            + Money.format(CREDITED_NET)
            + " + VAT",
        () ->
            merchant
                .client()
                .invoices()
                .creditNote(id, CREDIT_NOTE_NUMBER, CREDITED_NET, creditedVat, creditDocument)
                .send(),
        credit -> DemoContext.block(credit.result()) + " · VAT " + demo.money(creditedVat));
  }

  /** A tax id unique to this run's merchant: {@code TIN-} and its address' first 8 hex digits. */
  static TaxId taxIdOf(Party merchant) {
    return TaxId.of("TIN-" + merchant.address().substring(2, 10).toUpperCase(Locale.ROOT));
  }

  /**
   * A minimal e-invoice document, written to {@code devnet/invoices/TAXID/NUMBER.xml}: what the
   * merchant would keep and send to its customer; the ledger holds only its hash.
   */
  private static byte[] document(
      DemoContext demo,
      TaxId seller,
      String number,
      LocalDate issueDate,
      Amount net,
      Amount vat,
      String buyer) {
    String xml =
        String.format(
            Locale.ROOT,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice>
              <ID>%s</ID>
              <IssueDate>%s</IssueDate>
              <Seller><TaxID>%s</TaxID></Seller>
              <Buyer><Account>%s</Account></Buyer>
              <TaxExclusiveAmount currency="%s">%s</TaxExclusiveAmount>
              <TaxAmount percent="%d">%s</TaxAmount>
            </Invoice>
            """,
            number,
            issueDate,
            seller.value(),
            buyer,
            demo.network.currencySymbol,
            net,
            VAT_RATE_BP / 100,
            vat);
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    Path file =
        demo.network
            .layout
            .root()
            .resolve("invoices")
            .resolve(seller.value())
            .resolve(number + ".xml");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }
}
