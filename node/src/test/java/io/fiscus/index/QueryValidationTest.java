package io.fiscus.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryValidationTest {
  private final IndexedLedger ledger = new IndexedLedger();
  private final StoredLedgerIndex index = ledger.index();
  private String historyCursor;
  private String invoiceCursor;

  @BeforeEach
  void somethingToPageThrough() {
    ledger.block(
        ledger.transfer(ledger.bankA, ledger.customer1, 100),
        ledger.transfer(ledger.bankA, ledger.customer1, 200),
        ledger.issueInvoice(ledger.merchant, "V-1", Address.ZERO, 10, 100),
        ledger.issueInvoice(ledger.merchant, "V-2", Address.ZERO, 20, 100));
    historyCursor = history(ledger.customer1.address(), Optional.empty(), 1).nextCursor().get();
    invoiceCursor =
        index
            .invoices(new InvoiceQueryBuilder().seller(ledger.merchant.address()).limit(1).build())
            .nextCursor()
            .get();
  }

  private Page<HistoryEntry> history(Address account, Optional<String> cursor, int limit) {
    return index.accountHistory(
        new HistoryQuery(account, OptionalLong.empty(), OptionalLong.empty(), cursor, limit));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void aLimitOutsideOneToAThousandIsInvalidForEveryQuery(int limit) {
    Address account = ledger.customer1.address();
    assertThatThrownBy(() -> history(account, Optional.empty(), limit))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> index.invoices(new InvoiceQueryBuilder().limit(limit).build()))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.records(
                    new RecordQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        limit)))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void theLimitBoundsAreAccepted() {
    assertThat(history(ledger.customer1.address(), Optional.empty(), 1).items()).hasSize(1);
    assertThat(history(ledger.customer1.address(), Optional.empty(), 1000).items()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage!!",
        "not base64 at all",
        "AAAA",
        "AQEA",
        "////////////////////////////////////////////////",
        "AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void malformedCursorsAreInvalid(String cursor) {
    assertThatThrownBy(() -> history(ledger.customer1.address(), Optional.of(cursor), 10))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () -> index.invoices(new InvoiceQueryBuilder().cursor(Optional.of(cursor)).build()))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.records(
                    new RecordQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(cursor),
                        10)))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void aCursorOnlyContinuesTheQueryThatMadeIt() {
    assertThat(history(ledger.customer1.address(), Optional.of(historyCursor), 1).items())
        .hasSize(1);
    // Another account's history, another query kind, another index of the same kind.
    assertThatThrownBy(() -> history(ledger.bankA.address(), Optional.of(historyCursor), 1))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.invoices(
                    new InvoiceQueryBuilder()
                        .seller(ledger.merchant.address())
                        .cursor(Optional.of(historyCursor))
                        .build()))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.invoices(
                    new InvoiceQueryBuilder()
                        .buyer(Address.ZERO)
                        .cursor(Optional.of(invoiceCursor))
                        .build()))
        .isInstanceOf(InvalidQueryException.class);
    // Outside the query's date range.
    assertThatThrownBy(
            () ->
                index.invoices(
                    new InvoiceQueryBuilder()
                        .seller(ledger.merchant.address())
                        .fromDate(15)
                        .cursor(Optional.of(invoiceCursor))
                        .build()))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void aCursorIsAcceptedOnlyInItsCanonicalSpelling() {
    InvoiceQueryBuilder merchant = new InvoiceQueryBuilder().seller(ledger.merchant.address());
    assertThat(index.invoices(merchant.cursor(Optional.of(invoiceCursor)).build()).items())
        .hasSize(1);
    // 64 bytes: the canonical form has no padding and zero bits after the last byte.
    byte[] raw = Base64.getUrlDecoder().decode(invoiceCursor);
    assertThat(raw.length % 3).isEqualTo(1);
    String padded = Base64.getUrlEncoder().encodeToString(raw);
    char last = invoiceCursor.charAt(invoiceCursor.length() - 1);
    String dirtyTrailingBits =
        invoiceCursor.substring(0, invoiceCursor.length() - 1) + (char) (last + 1);
    assertThat(Base64.getUrlDecoder().decode(dirtyTrailingBits)).isEqualTo(raw);
    for (String spelling : List.of(padded, dirtyTrailingBits, invoiceCursor + "\n")) {
      assertThatThrownBy(() -> index.invoices(merchant.cursor(Optional.of(spelling)).build()))
          .isInstanceOf(InvalidQueryException.class);
    }
  }

  @Test
  void contradictoryOrImpossibleFiltersAreInvalid() {
    Address account = ledger.customer1.address();
    assertThatThrownBy(
            () ->
                index.accountHistory(
                    new HistoryQuery(
                        account, OptionalLong.of(5), OptionalLong.of(4), Optional.empty(), 10)))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                index.accountHistory(
                    new HistoryQuery(
                        account, OptionalLong.of(-1), OptionalLong.empty(), Optional.empty(), 10)))
        .isInstanceOf(InvalidQueryException.class);
    for (InvoiceQuery query :
        List.of(
            new InvoiceQueryBuilder().status(0).build(),
            new InvoiceQueryBuilder().status(4).build(),
            new InvoiceQueryBuilder().fromDate(20).toDate(10).build(),
            new InvoiceQueryBuilder().toDate(-1).build(),
            new InvoiceQueryBuilder().sellerTaxId("").build())) {
      assertThatThrownBy(() -> index.invoices(query)).isInstanceOf(InvalidQueryException.class);
    }
    assertThat(
            index
                .records(
                    new RecordQuery(
                        Optional.empty(),
                        Optional.of(Hash.ZERO),
                        Optional.empty(),
                        Optional.empty(),
                        10))
                .items())
        .isEmpty();
  }
}
