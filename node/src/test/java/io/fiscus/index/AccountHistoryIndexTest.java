package io.fiscus.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.chain.CommittedBlock;
import io.fiscus.index.IndexedLedger.Party;
import io.fiscus.storage.Column;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AccountHistoryIndexTest {
  private final IndexedLedger ledger = new IndexedLedger();
  private final StoredLedgerIndex index = ledger.index();

  private Page<HistoryEntry> history(Party party, int limit) {
    return index.accountHistory(
        new HistoryQuery(
            party.address(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), limit));
  }

  @Test
  void everyKindOfMovementIsRecordedUnderBothEndsNewestFirst() {
    Hash reference = IndexedLedger.name("order 42");
    CommittedBlock mint = ledger.block(ledger.mint(ledger.bankA, 50_000));
    SignedTransaction plain = ledger.transfer(ledger.bankA, ledger.customer1, 20_000);
    SignedTransaction referenced =
        ledger.transferWithReference(ledger.bankA, ledger.customer2, 10_000, reference);
    CommittedBlock transfers = ledger.block(plain, referenced);
    CommittedBlock redeem = ledger.block(ledger.redeem(ledger.bankA, 5_000));
    Hash invoice = IndexedLedger.invoiceId(IndexedLedger.MERCHANT_TAX_ID, "INV-1");
    ledger.block(
        ledger.issueInvoice(
            ledger.merchant, "INV-1", ledger.customer1.address(), 1_700_000_000L, 1_000));
    SignedTransaction payment = ledger.payInvoice(ledger.customer1, invoice);
    CommittedBlock paid = ledger.block(payment);

    List<HistoryEntry> bank = history(ledger.bankA, 100).items();
    assertThat(bank)
        .extracting(HistoryEntry::kind)
        .containsExactly(
            HistoryKind.REDEEM, HistoryKind.TRANSFER, HistoryKind.TRANSFER, HistoryKind.ISSUE);
    assertThat(bank.get(0))
        .isEqualTo(
            new HistoryEntry(
                redeem.transactions().get(0).hash(),
                redeem.number(),
                IndexedLedger.timestampOf(redeem.number()),
                HistoryKind.REDEEM,
                ledger.bankA.address(),
                Address.ZERO,
                5_000,
                Optional.empty()));
    assertThat(bank.get(1).transactionHash()).isEqualTo(referenced.hash());
    assertThat(bank.get(1).reference()).contains(reference);
    assertThat(bank.get(1).to()).isEqualTo(ledger.customer2.address());
    assertThat(bank.get(2).transactionHash()).isEqualTo(plain.hash());
    assertThat(bank.get(2).reference()).isEmpty();
    assertThat(bank.get(2).blockNumber()).isEqualTo(transfers.number());
    assertThat(bank.get(3).from()).isEqualTo(Address.ZERO);
    assertThat(bank.get(3).amount()).isEqualTo(50_000);
    assertThat(bank.get(3).blockNumber()).isEqualTo(mint.number());

    HistoryEntry payerSide = history(ledger.customer1, 100).items().get(0);
    HistoryEntry sellerSide = history(ledger.merchant, 100).items().get(0);
    assertThat(payerSide).isEqualTo(sellerSide);
    assertThat(payerSide.kind()).isEqualTo(HistoryKind.INVOICE_PAYMENT);
    assertThat(payerSide.amount()).isEqualTo(1_200);
    assertThat(payerSide.transactionHash()).isEqualTo(payment.hash());
    assertThat(payerSide.timestampSeconds()).isEqualTo(IndexedLedger.timestampOf(paid.number()));
    assertThat(history(ledger.customer2, 100).items())
        .singleElement()
        .satisfies(entry -> assertThat(entry.reference()).contains(reference));
    // The zero address has no history: mints and burns are only under the bank.
    assertThat(history(new Party("zero", null, Address.ZERO), 100).items()).isEmpty();
  }

  @Test
  void revertedTransactionsLeaveNoHistoryAndASelfTransferIsOneEntry() {
    ledger.block(ledger.transfer(ledger.bankA, ledger.customer1, 1_000));
    ledger.blockAllowingReverts(
        List.of(
            ledger.transfer(ledger.customer1, ledger.customer2, 999_999),
            ledger.transfer(ledger.customer1, ledger.customer1, 400)));

    List<HistoryEntry> entries = history(ledger.customer1, 100).items();
    assertThat(entries).extracting(HistoryEntry::amount).containsExactly(400L, 1_000L);
    assertThat(history(ledger.customer2, 100).items()).isEmpty();
    assertThat(ledger.store.size(Column.ACCOUNT_HISTORY)).isEqualTo(3);
  }

  @Test
  void cursorsWalkTheWholeHistoryExactlyOnceNewestFirst() {
    List<Hash> expected = new ArrayList<>();
    for (int block = 0; block < 6; block++) {
      List<SignedTransaction> transactions = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        Party to = i % 3 == 0 ? ledger.customer2 : ledger.customer1;
        SignedTransaction transfer = ledger.transfer(ledger.bankA, to, 100 + i);
        transactions.add(transfer);
        if (to.equals(ledger.customer1)) {
          expected.add(transfer.hash());
        }
      }
      ledger.block(transactions.toArray(SignedTransaction[]::new));
    }
    List<Hash> newestFirst = new ArrayList<>(expected).reversed();

    for (int limit : new int[] {1, 7, 36, 1000}) {
      List<HistoryEntry> all =
          IndexedLedger.allPages(
              cursor ->
                  index.accountHistory(
                      new HistoryQuery(
                          ledger.customer1.address(),
                          OptionalLong.empty(),
                          OptionalLong.empty(),
                          cursor,
                          limit)));
      assertThat(all).extracting(HistoryEntry::transactionHash).isEqualTo(newestFirst);
    }
    Page<HistoryEntry> exact = history(ledger.customer1, 36);
    assertThat(exact.items()).hasSize(36);
    assertThat(exact.nextCursor()).isEmpty();
  }

  @Test
  void blockRangeBoundsTheHistoryAndItsPages() {
    List<Long> blocks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      blocks.add(
          ledger
              .block(
                  ledger.transfer(ledger.bankA, ledger.customer1, 100 + i),
                  ledger.transfer(ledger.bankA, ledger.customer1, 200 + i))
              .number());
    }
    long from = blocks.get(2);
    long to = blocks.get(5);

    List<HistoryEntry> ranged =
        IndexedLedger.allPages(
            cursor ->
                index.accountHistory(
                    new HistoryQuery(
                        ledger.customer1.address(),
                        OptionalLong.of(from),
                        OptionalLong.of(to),
                        cursor,
                        3)));
    assertThat(ranged).hasSize(8);
    assertThat(ranged)
        .extracting(HistoryEntry::blockNumber)
        .containsExactly(to, to, to - 1, to - 1, from + 1, from + 1, from, from);
    assertThat(
            index
                .accountHistory(
                    new HistoryQuery(
                        ledger.customer1.address(),
                        OptionalLong.of(to + 100),
                        OptionalLong.empty(),
                        Optional.empty(),
                        10))
                .items())
        .isEmpty();
    assertThat(
            index
                .accountHistory(
                    new HistoryQuery(
                        ledger.customer1.address(),
                        OptionalLong.empty(),
                        OptionalLong.of(from),
                        Optional.empty(),
                        100))
                .items())
        .extracting(HistoryEntry::blockNumber)
        .allMatch(block -> block <= from)
        .hasSize(6);
  }
}
