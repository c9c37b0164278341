package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceKind;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.InvoiceStatus;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.rpc.TaxPeriod;
import io.fiscus.client.rpc.TaxSummary;
import io.fiscus.client.rpc.TaxSummaryQuery;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tax authority's queries against a real node: one seller's invoices across two quarters, paged
 * with a small page size by every filter, totalled per quarter, and exported as CSV.
 */
class TaxAuthorityIT {
  @RegisterExtension static final TestLedger.PerClass NODE = new TestLedger.PerClass();
  private static TestLedger ledger;
  private static TestLedger.Taxpayer seller;
  private static TestLedger.Taxpayer buyer;
  private static TaxAuthorityClient taxAuthority;

  /**
   * Q3 2025: S-1 (paid), S-2 (open), S-3 (cancelled), consumer S-4 (open). Q4 2025: S-5 (paid), its
   * credit note CN-1 (dated by its block, so after both quarters).
   */
  @BeforeAll
  static void issueInvoices() {
    ledger = NODE.get();
    seller = ledger.newTaxpayer(Amount.ZERO);
    buyer = ledger.newTaxpayer(Amount.parse("1000"));
    taxAuthority = new TaxAuthorityClient(ledger.fiscus);
    InvoiceClient invoices = ledger.client(seller.credentials()).invoices();
    List<CompletableFuture<IssuedInvoice>> issuing = new ArrayList<>();
    issuing.add(issue(invoices, "S-1", Optional.of(buyer.address()), LocalDate.of(2025, 7, 1)));
    issuing.add(issue(invoices, "S-2", Optional.of(buyer.address()), LocalDate.of(2025, 8, 15)));
    issuing.add(issue(invoices, "S-3", Optional.of(buyer.address()), LocalDate.of(2025, 9, 30)));
    issuing.add(issue(invoices, "S-4", Optional.empty(), LocalDate.of(2025, 9, 1)));
    issuing.add(issue(invoices, "S-5", Optional.of(buyer.address()), LocalDate.of(2025, 10, 1)));
    List<IssuedInvoice> issued = issuing.stream().map(CompletableFuture::join).toList();
    InvoiceClient buyerInvoices = ledger.client(buyer.credentials()).invoices();
    buyerInvoices.pay(issued.get(0).id()).send();
    buyerInvoices.pay(issued.get(4).id()).send();
    invoices.cancel(issued.get(2).id(), "duplicate").send();
    invoices
        .creditNote(
            issued.get(4).id(), "CN-1", Amount.parse("10"), Amount.parse("2"), new byte[] {1})
        .send();
  }

  /** Issues without waiting: the seller's submissions pipeline. */
  private static CompletableFuture<IssuedInvoice> issue(
      InvoiceClient invoices, String number, Optional<String> to, LocalDate date) {
    byte[] document = ("<Invoice>" + number + "</Invoice>").getBytes(StandardCharsets.UTF_8);
    return invoices
        .issue(InvoiceDraft.of(number, to, date, Amount.parse("100"), 2000, document))
        .sendAsync();
  }

  @Test
  void aSellersInvoicesArePagedByIssueDateAcrossSmallPages() {
    InvoiceQuery bySeller = InvoiceQuery.all().withSeller(seller.address()).withLimit(2);
    Page<Invoice> first = taxAuthority.page(bySeller).send();
    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).isPresent();
    Page<Invoice> second = taxAuthority.page(bySeller.withCursor(first.nextCursor().get())).send();
    assertThat(second.items()).hasSize(2);

    List<String> numbers = taxAuthority.stream(bySeller).map(Invoice::number).toList();
    assertThat(numbers).containsExactly("S-1", "S-2", "S-4", "S-3", "S-5", "CN-1");
    List<String> iterated = new ArrayList<>();
    taxAuthority.invoices(bySeller.withLimit(1)).forEach(invoice -> iterated.add(invoice.number()));
    assertThat(iterated).isEqualTo(numbers);
  }

  @Test
  void everyFilterNarrowsTheQuery() {
    assertThat(numbers(InvoiceQuery.all().withSellerTaxId(seller.taxId()).withLimit(2))).hasSize(6);
    assertThat(numbers(InvoiceQuery.all().withBuyer(buyer.address()).withLimit(2)))
        .containsExactly("S-1", "S-2", "S-3", "S-5", "CN-1");
    assertThat(numbers(InvoiceQuery.all().withBuyerTaxId(buyer.taxId()).withLimit(2)))
        .containsExactly("S-1", "S-2", "S-3", "S-5", "CN-1");
    assertThat(
            numbers(
                InvoiceQuery.all()
                    .withSeller(seller.address())
                    .withStatus(InvoiceStatus.PAID)
                    .withLimit(1)))
        .containsExactly("S-1", "S-5");
    assertThat(
            numbers(
                InvoiceQuery.all()
                    .withSeller(seller.address())
                    .within(TaxPeriod.quarter(2025, 3))
                    .withLimit(2)))
        .containsExactly("S-1", "S-2", "S-4", "S-3");
    Invoice creditNote =
        taxAuthority.stream(InvoiceQuery.all().withSeller(seller.address()))
            .filter(invoice -> invoice.kind() == InvoiceKind.CREDIT_NOTE)
            .findFirst()
            .orElseThrow();
    assertThat(creditNote.number()).isEqualTo("CN-1");
  }

  @Test
  void theQuarterlyVatSummaryCountsWhatWasIssuedAndPaid() {
    TaxSummary third = taxAuthority.summary(seller.taxId(), TaxPeriod.quarter(2025, 3)).send();
    assertThat(third.invoiceCount()).isEqualTo(3);
    assertThat(third.netTotal()).isEqualTo(Amount.parse("300"));
    assertThat(third.taxTotal()).isEqualTo(Amount.parse("60"));
    assertThat(third.paidCount()).isEqualTo(1);
    assertThat(third.paidGrossTotal()).isEqualTo(Amount.parse("120"));

    TaxSummary fourth =
        taxAuthority
            .summary(TaxSummaryQuery.of(seller.address(), TaxPeriod.quarter(2025, 4)))
            .sendAsync()
            .join();
    assertThat(fourth.invoiceCount()).isEqualTo(1);
    assertThat(fourth.creditNoteCount()).isZero();
    assertThat(fourth.vatDueMinorUnits()).isEqualTo(2000);
  }

  @Test
  void aQueryExportsAsCsvWithAHeaderAndOneLinePerInvoice() {
    StringWriter csv = new StringWriter();
    long rows =
        taxAuthority.exportCsv(
            InvoiceQuery.all()
                .withSeller(seller.address())
                .withStatus(InvoiceStatus.PAID)
                .withLimit(1),
            csv);

    assertThat(rows).isEqualTo(2);
    String[] lines = csv.toString().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("id,kind,number,issueDate,seller,sellerTaxId,buyer");
    assertThat(lines[1])
        .contains(",invoice,S-1,2025-07-01," + seller.address() + "," + seller.taxId() + ",")
        .contains(",100.00,20.00,120.00,2000,paid,");
  }

  private static List<String> numbers(InvoiceQuery query) {
    return taxAuthority.stream(query).map(Invoice::number).toList();
  }
}
