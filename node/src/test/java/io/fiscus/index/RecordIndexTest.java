package io.fiscus.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.chain.CommittedBlock;
import io.fiscus.index.IndexedLedger.Party;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records: bank A writes settlement/day-1 twice (versions 1 and 2) and settlement/day-2; bank B
 * writes settlement/day-1 and attestation/day-1, in that order over four blocks.
 */
class RecordIndexTest {
  private static final Hash SETTLEMENT = IndexedLedger.name("settlement");
  private static final Hash ATTESTATION = IndexedLedger.name("attestation");
  private static final Hash DAY_1 = IndexedLedger.name("day-1");
  private static final Hash DAY_2 = IndexedLedger.name("day-2");

  private final IndexedLedger ledger = new IndexedLedger();
  private final StoredLedgerIndex index = ledger.index();
  private SignedTransaction aDay1v1;
  private SignedTransaction aDay1v2;
  private SignedTransaction aDay2;
  private SignedTransaction bDay1;
  private SignedTransaction bAttestation;
  private CommittedBlock lastBlock;

  @BeforeEach
  void writeRecords() {
    Party a = ledger.bankA;
    Party b = ledger.bankB;
    aDay1v1 = ledger.record(a, SETTLEMENT, DAY_1, payload("a day-1 v1"));
    ledger.block(aDay1v1);
    aDay1v2 = ledger.record(a, SETTLEMENT, DAY_1, payload("a day-1 v2"));
    aDay2 = ledger.record(a, SETTLEMENT, DAY_2, Bytes.EMPTY);
    ledger.block(aDay1v2, aDay2);
    bDay1 = ledger.record(b, SETTLEMENT, DAY_1, payload("b day-1"));
    ledger.block(bDay1);
    bAttestation = ledger.record(b, ATTESTATION, DAY_1, payload("b attests".repeat(400)));
    lastBlock = ledger.block(bAttestation);
  }

  private static Bytes payload(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<Hash> records(Optional<Address> submitter, Optional<Hash> kind, Optional<Hash> key) {
    return index
        .records(new RecordQuery(submitter, kind, key, Optional.empty(), 100))
        .items()
        .stream()
        .map(RecordEntry::transactionHash)
        .toList();
  }

  @Test
  void recordsComeBackWithPayloadVersionBlockAndTransaction() {
    List<RecordEntry> all =
        index
            .records(
                new RecordQuery(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100))
            .items();
    assertThat(all)
        .extracting(RecordEntry::transactionHash)
        .containsExactly(
            bAttestation.hash(), bDay1.hash(), aDay2.hash(), aDay1v2.hash(), aDay1v1.hash());
    assertThat(all.get(0))
        .isEqualTo(
            new RecordEntry(
                ledger.bankB.address(),
                ATTESTATION,
                DAY_1,
                1,
                payload("b attests".repeat(400)),
                lastBlock.number(),
                bAttestation.hash()));
    assertThat(all.get(2).payload()).isEqualTo(Bytes.EMPTY);
    assertThat(all.get(3).version()).isEqualTo(2);
    assertThat(all.get(3).payload()).isEqualTo(payload("a day-1 v2"));
  }

  @Test
  void eachFilterAndCombinationListsItsRecordsNewestFirst() {
    Optional<Address> a = Optional.of(ledger.bankA.address());
    Optional<Address> b = Optional.of(ledger.bankB.address());
    Optional<Hash> none = Optional.empty();
    assertThat(records(a, none, none))
        .containsExactly(aDay2.hash(), aDay1v2.hash(), aDay1v1.hash());
    assertThat(records(Optional.empty(), Optional.of(SETTLEMENT), none))
        .containsExactly(bDay1.hash(), aDay2.hash(), aDay1v2.hash(), aDay1v1.hash());
    assertThat(records(Optional.empty(), none, Optional.of(DAY_1)))
        .containsExactly(bAttestation.hash(), bDay1.hash(), aDay1v2.hash(), aDay1v1.hash());
    assertThat(records(b, Optional.of(SETTLEMENT), none)).containsExactly(bDay1.hash());
    assertThat(records(Optional.empty(), Optional.of(ATTESTATION), Optional.of(DAY_1)))
        .containsExactly(bAttestation.hash());
    assertThat(records(a, none, Optional.of(DAY_2))).containsExactly(aDay2.hash());
    assertThat(records(a, Optional.of(ATTESTATION), none)).isEmpty();
  }

  @Test
  void oneSeriesListsItsVersionsNewestFirst() {
    List<RecordEntry> series =
        index
            .records(
                new RecordQuery(
                    Optional.of(ledger.bankA.address()),
                    Optional.of(SETTLEMENT),
                    Optional.of(DAY_1),
                    Optional.empty(),
                    100))
            .items();
    assertThat(series).extracting(RecordEntry::version).containsExactly(2L, 1L);
    assertThat(series)
        .extracting(RecordEntry::payload)
        .containsExactly(payload("a day-1 v2"), payload("a day-1 v1"));
  }

  @Test
  void pagesOfOneCoverEveryRecordOnce() {
    List<RecordEntry> all =
        IndexedLedger.allPages(
            cursor ->
                index.records(
                    new RecordQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), cursor, 1)));
    assertThat(all)
        .extracting(RecordEntry::transactionHash)
        .containsExactly(
            bAttestation.hash(), bDay1.hash(), aDay2.hash(), aDay1v2.hash(), aDay1v1.hash());
    List<RecordEntry> day1 =
        IndexedLedger.allPages(
            cursor ->
                index.records(
                    new RecordQuery(
                        Optional.empty(), Optional.empty(), Optional.of(DAY_1), cursor, 3)));
    assertThat(day1).hasSize(4);
  }
}
