package io.fiscus.index;

import static io.fiscus.index.IndexedLedger.MERCHANT_TAX_ID;
import static io.fiscus.index.IndexedLedger.SUPPLIER_TAX_ID;
import static io.fiscus.index.IndexedLedger.invoiceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.storage.Column;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices on a real chain: the merchant issues INV-A (customer 1, paid), INV-B (the supplier, a
 * taxpayer, partly credited by CN-1; CN-2 cancelled), INV-C (a consumer, cancelled), INV-D
 * (customer 2, issued and paid in one block); the supplier issues S-1 to the merchant.
 */
class InvoiceIndexTest {
  private static final long DATE_A = 1_000_300;
  private static final long DATE_B = 1_000_100;
  private static final long DATE_C = 1_000_200;
  private static final long DATE_D = 1_000_400;
  private static final long DATE_S = 1_000_150;

  private final IndexedLedger ledger = new IndexedLedger();
  private final StoredLedgerIndex index = ledger.index();
  private final Hash invA = invoiceId(MERCHANT_TAX_ID, "INV-A");
  private final Hash invB = invoiceId(MERCHANT_TAX_ID, "INV-B");
  private final Hash invC = invoiceId(MERCHANT_TAX_ID, "INV-C");
  private final Hash invD = invoiceId(MERCHANT_TAX_ID, "INV-D");
  private final Hash cn1 = invoiceId(MERCHANT_TAX_ID, "CN-1");
  private final Hash cn2 = invoiceId(MERCHANT_TAX_ID, "CN-2");
  private final Hash s1 = invoiceId(SUPPLIER_TAX_ID, "S-1");

  @BeforeEach
  void issueAndSettle() {
    ledger.block(
        ledger.transfer(ledger.bankA, ledger.customer1, 100_000),
        ledger.transfer(ledger.bankB, ledger.customer2, 100_000));
    ledger.block(
        ledger.issueInvoice(ledger.merchant, "INV-A", ledger.customer1.address(), DATE_A, 10_000),
        ledger.issueInvoice(ledger.merchant, "INV-B", ledger.supplier.address(), DATE_B, 20_000),
        ledger.issueInvoice(ledger.merchant, "INV-C", Address.ZERO, DATE_C, 5_000),
        ledger.issueInvoice(ledger.supplier, "S-1", ledger.merchant.address(), DATE_S, 7_000));
    ledger.block(
        ledger.payInvoice(ledger.customer1, invA),
        ledger.cancelInvoice(ledger.merchant, invC),
        ledger.issueCreditNote(ledger.merchant, invB, "CN-1", 5_000),
        ledger.issueInvoice(ledger.merchant, "INV-D", ledger.customer2.address(), DATE_D, 1_000),
        ledger.payInvoice(ledger.customer2, invD));
    ledger.block(ledger.issueCreditNote(ledger.merchant, invB, "CN-2", 3_000));
    ledger.block(ledger.cancelInvoice(ledger.merchant, cn2));
  }

  private static InvoiceQueryBuilder query() {
    return new InvoiceQueryBuilder();
  }

  private List<Hash> ids(InvoiceQuery query) {
    return index.invoices(query).items().stream().map(Invoice::id).toList();
  }

  @Test
  void eachFilterSelectsItsInvoicesByIssueDate() {
    assertThat(ids(query().seller(ledger.merchant.address()).build()))
        .containsExactly(invB, invC, invA, invD, cn1, cn2);
    assertThat(ids(query().sellerTaxId(MERCHANT_TAX_ID).build()))
        .containsExactly(invB, invC, invA, invD, cn1, cn2);
    assertThat(ids(query().sellerTaxId(SUPPLIER_TAX_ID).build())).containsExactly(s1);
    assertThat(ids(query().buyer(ledger.customer1.address()).build())).containsExactly(invA);
    assertThat(ids(query().buyer(ledger.supplier.address()).build()))
        .containsExactly(invB, cn1, cn2);
    assertThat(ids(query().buyer(Address.ZERO).build())).containsExactly(invC);
    assertThat(ids(query().buyerTaxId(SUPPLIER_TAX_ID).build())).containsExactly(invB, cn1, cn2);
    assertThat(ids(query().buyerTaxId(MERCHANT_TAX_ID).build())).containsExactly(s1);
    assertThat(ids(query().build())).containsExactly(invB, s1, invC, invA, invD, cn1, cn2);
    assertThat(ids(query().fromDate(DATE_S).toDate(DATE_A).build()))
        .containsExactly(s1, invC, invA);
  }

  @Test
  void statusRowsFollowPaymentsAndCancellations() {
    assertThat(ids(query().status(Invoice.ISSUED).build())).containsExactly(invB, s1, cn1);
    assertThat(ids(query().status(Invoice.PAID).build())).containsExactly(invA, invD);
    assertThat(ids(query().status(Invoice.CANCELLED).build())).containsExactly(invC, cn2);
    // One status row per invoice: the old ones were deleted, INV-D never had an ISSUED row.
    byte[] statusIndex = {5};
    assertThat(
            ledger.store.scan(
                Column.INVOICES, statusIndex, KeyBytes.prefixEnd(statusIndex), false, 100))
        .hasSize(7);
    Invoice paid = index.invoices(query().buyer(ledger.customer1.address()).build()).items().get(0);
    assertThat(paid.status()).isEqualTo(Invoice.PAID);
    assertThat(paid.netAmount()).isEqualTo(10_000);
    assertThat(paid.taxAmount()).isEqualTo(2_000);
    Invoice credited = index.invoices(query().status(Invoice.ISSUED).build()).items().get(0);
    assertThat(credited.id()).isEqualTo(invB);
    assertThat(credited.creditedNetAmount()).isEqualTo(5_000);
    assertThat(credited.buyerTaxId()).isEqualTo(SUPPLIER_TAX_ID);
  }

  @Test
  void combinedFiltersMatchEveryFilter() {
    assertThat(ids(query().seller(ledger.merchant.address()).status(Invoice.ISSUED).build()))
        .containsExactly(invB, cn1);
    assertThat(ids(query().buyer(ledger.supplier.address()).status(Invoice.CANCELLED).build()))
        .containsExactly(cn2);
    assertThat(
            ids(query().seller(ledger.merchant.address()).fromDate(DATE_S).toDate(DATE_A).build()))
        .containsExactly(invC, invA);
    assertThat(ids(query().sellerTaxId(MERCHANT_TAX_ID).buyer(ledger.customer2.address()).build()))
        .containsExactly(invD);
    assertThat(
            ids(
                query()
                    .seller(ledger.merchant.address())
                    .buyerTaxId(SUPPLIER_TAX_ID)
                    .status(Invoice.ISSUED)
                    .build()))
        .containsExactly(invB, cn1);
    assertThat(
            ids(
                query()
                    .seller(ledger.supplier.address())
                    .buyer(ledger.customer1.address())
                    .build()))
        .isEmpty();
  }

  @Test
  void pagesOfTwoCoverEveryInvoiceOnce() {
    List<Invoice> all =
        IndexedLedger.allPages(cursor -> index.invoices(query().cursor(cursor).limit(2).build()));
    assertThat(all).extracting(Invoice::id).containsExactly(invB, s1, invC, invA, invD, cn1, cn2);
    List<Invoice> merchantIssued =
        IndexedLedger.allPages(
            cursor ->
                index.invoices(
                    query()
                        .seller(ledger.merchant.address())
                        .status(Invoice.ISSUED)
                        .cursor(cursor)
                        .limit(1)
                        .build()));
    assertThat(merchantIssued).extracting(Invoice::id).containsExactly(invB, cn1);
  }

  @Test
  void taxSummaryAddsInvoicesCreditNotesAndPaymentsOfThePeriod() {
    TaxSummary all =
        index.taxSummary(
            new TaxSummaryQuery(
                Optional.of(ledger.merchant.address()), Optional.empty(), 0, Long.MAX_VALUE));
    assertThat(all).isEqualTo(new TaxSummary(3, 31_000, 6_200, 1, 5_000, 1_000, 2, 13_200));
    TaxSummary byTaxId =
        index.taxSummary(
            new TaxSummaryQuery(Optional.empty(), Optional.of(MERCHANT_TAX_ID), 0, Long.MAX_VALUE));
    assertThat(byTaxId).isEqualTo(all);
    TaxSummary period =
        index.taxSummary(
            new TaxSummaryQuery(
                Optional.of(ledger.merchant.address()),
                Optional.of(MERCHANT_TAX_ID),
                DATE_S,
                DATE_A));
    assertThat(period).isEqualTo(new TaxSummary(1, 10_000, 2_000, 0, 0, 0, 1, 12_000));
    assertThat(
            index.taxSummary(
                new TaxSummaryQuery(Optional.empty(), Optional.of(SUPPLIER_TAX_ID), 0, DATE_S)))
        .isEqualTo(new TaxSummary(1, 7_000, 1_400, 0, 0, 0, 0, 0));
    assertThat(
            index.taxSummary(
                new TaxSummaryQuery(Optional.empty(), Optional.of("NOBODY1"), 0, Long.MAX_VALUE)))
        .isEqualTo(new TaxSummary(0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void taxSummaryNeedsExactlyOneConsistentSeller() {
    assertThatThrownBy(
            () -> index.taxSummary(new TaxSummaryQuery(Optional.empty(), Optional.empty(), 0, 10)))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.taxSummary(
                    new TaxSummaryQuery(
                        Optional.of(ledger.merchant.address()),
                        Optional.of(SUPPLIER_TAX_ID),
                        0,
                        10)))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () -> index.taxSummary(new TaxSummaryQuery(Optional.empty(), Optional.of(""), 0, 10)))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.taxSummary(
                    new TaxSummaryQuery(
                        Optional.of(ledger.merchant.address()), Optional.empty(), 10, 9)))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void aRareResidualFilterExaminesBoundedRowsPerCallAndStillFindsItsMatch() {
    List<io.fiscus.tx.SignedTransaction> many = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(
          ledger.issueInvoice(
              ledger.merchant, "BULK-" + i, ledger.customer1.address(), 2_000_000 + i, 100));
    }
    many.add(
        ledger.issueInvoice(ledger.merchant, "RARE", ledger.customer2.address(), 3_000_000, 100));
    ledger.block(many.toArray(io.fiscus.tx.SignedTransaction[]::new));
    CountingKeyValueStore counting = new CountingKeyValueStore(ledger.store);
    StoredLedgerIndex counted = ledger.index(counting);

    Optional<String> cursor = Optional.empty();
    List<Hash> found = new java.util.ArrayList<>();
    int calls = 0;
    do {
      counting.reset();
      Page<Invoice> page =
          counted.invoices(
              query()
                  .seller(ledger.merchant.address())
                  .buyer(ledger.customer2.address())
                  .fromDate(2_000_000)
                  .cursor(cursor)
                  .limit(2)
                  .build());
      assertThat(counting.rowsRead()).isLessThanOrEqualTo(2 * QueryLimits.ROWS_EXAMINED_PER_ITEM);
      page.items().forEach(invoice -> found.add(invoice.id()));
      cursor = page.nextCursor();
      calls++;
    } while (cursor.isPresent());
    assertThat(found).containsExactly(invoiceId(MERCHANT_TAX_ID, "RARE"));
    assertThat(calls).isGreaterThan(1);

    counting.reset();
    Page<Invoice> exact =
        counted.invoices(query().seller(ledger.merchant.address()).limit(5).build());
    assertThat(exact.items()).hasSize(5);
    assertThat(counting.rowsRead()).isEqualTo(6);
  }
}
