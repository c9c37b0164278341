package io.fiscus.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A million history rows over ten thousand accounts, written in the indexer's own layout: a page of
 * one account's history reads {@code limit + 1} rows however many the store holds. Counts rows,
 * never time.
 */
class HistoryScaleTest {
  private static final int ACCOUNTS = 10_000;
  private static final int BLOCKS = 100;
  private static final int ROWS = ACCOUNTS * BLOCKS;

  private static Address account(int i) {
    return new Address(
        Bytes.wrap(ByteBuffer.allocate(Address.SIZE).putInt(12, 0x5ca1e).putInt(16, i).array()));
  }

  @Test
  void aPageOfOneAccountReadsAtMostLimitPlusOneRowsAmongAMillion() {
    FakeKeyValueStore store = new FakeKeyValueStore();
    Hash transaction = Hash.ZERO;
    for (int block = 1; block <= BLOCKS; block++) {
      WriteBatch batch = store.newBatch();
      for (int i = 0; i < ACCOUNTS; i++) {
        Address account = account(i);
        HistoryEntry entry =
            new HistoryEntry(
                transaction,
                block,
                1_700_000_000L + block,
                HistoryKind.TRANSFER,
                account,
                account(i + 1),
                block,
                Optional.empty());
        batch.put(
            Column.ACCOUNT_HISTORY,
            HistoryRows.key(account, new LogPosition(block, i, 0)),
            HistoryRows.value(entry));
      }
      store.commit(batch);
    }
    assertThat(store.size(Column.ACCOUNT_HISTORY)).isEqualTo(ROWS);
    CountingKeyValueStore counting = new CountingKeyValueStore(store);
    StoredLedgerIndex index = new StoredLedgerIndex(counting, () -> null);
    Address target = account(ACCOUNTS / 2);

    Page<HistoryEntry> first = page(index, target, OptionalLong.empty(), Optional.empty(), 30);
    assertThat(counting.rowsRead()).isLessThanOrEqualTo(31);
    assertThat(first.items()).hasSize(30);
    assertThat(first.items()).extracting(HistoryEntry::blockNumber).first().isEqualTo(100L);
    assertThat(first.items()).allMatch(entry -> entry.from().equals(target));

    counting.reset();
    Page<HistoryEntry> second = page(index, target, OptionalLong.empty(), first.nextCursor(), 30);
    assertThat(counting.rowsRead()).isLessThanOrEqualTo(31);
    assertThat(second.items()).extracting(HistoryEntry::blockNumber).first().isEqualTo(70L);

    counting.reset();
    Page<HistoryEntry> ranged = page(index, target, OptionalLong.of(10), Optional.empty(), 1000);
    assertThat(counting.rowsRead()).isEqualTo(10);
    assertThat(ranged.items()).extracting(HistoryEntry::blockNumber).last().isEqualTo(1L);
    assertThat(ranged.nextCursor()).isEmpty();

    counting.reset();
    List<HistoryEntry> none =
        page(index, account(ACCOUNTS + 7), OptionalLong.empty(), Optional.empty(), 1000).items();
    assertThat(none).isEmpty();
    assertThat(counting.rowsRead()).isZero();
  }

  private static Page<HistoryEntry> page(
      StoredLedgerIndex index,
      Address account,
      OptionalLong toBlock,
      Optional<String> cursor,
      int limit) {
    return index.accountHistory(
        new HistoryQuery(account, OptionalLong.empty(), toBlock, cursor, limit));
  }
}
