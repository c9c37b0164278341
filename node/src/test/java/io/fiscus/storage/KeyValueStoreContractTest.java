package io.fiscus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyValueStore} must do; run against each implementation by a subclass. */
public abstract class KeyValueStoreContractTest {
  protected KeyValueStore store;

  /** A new, empty store. */
  protected abstract KeyValueStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  protected static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  protected static List<String> keys(List<KeyValueStore.Entry> entries) {
    return entries.stream().map(entry -> hex(entry.key())).toList();
  }

  protected void put(Column column, String key, String value) {
    WriteBatch batch = store.newBatch();
    batch.put(column, bytes(key), bytes(value));
    store.commit(batch);
  }

  @Test
  void committedPutIsReadBack() {
    put(Column.HEADERS, "01", "aabb");

    assertThat(hex(store.get(Column.HEADERS, bytes("01")).orElseThrow())).isEqualTo("aabb");
    assertThat(store.get(Column.HEADERS, bytes("02"))).isEmpty();
  }

  @Test
  void columnsAreIndependentKeySpaces() {
    put(Column.HEADERS, "01", "aa");
    put(Column.BODIES, "01", "bb");

    assertThat(hex(store.get(Column.HEADERS, bytes("01")).orElseThrow())).isEqualTo("aa");
    assertThat(hex(store.get(Column.BODIES, bytes("01")).orElseThrow())).isEqualTo("bb");
    assertThat(store.get(Column.RECEIPTS, bytes("01"))).isEmpty();
  }

  @Test
  void uncommittedBatchIsInvisible() {
    WriteBatch batch = store.newBatch();
    batch.put(Column.METADATA, bytes("01"), bytes("aa"));

    assertThat(batch.size()).isEqualTo(1);
    assertThat(store.get(Column.METADATA, bytes("01"))).isEmpty();
  }

  @Test
  void deleteRemovesAKeyAndLaterWritesInABatchWin() {
    put(Column.STATE_FLAT, "01", "aa");
    put(Column.STATE_FLAT, "02", "bb");

    WriteBatch batch = store.newBatch();
    batch.delete(Column.STATE_FLAT, bytes("01"));
    batch.put(Column.STATE_FLAT, bytes("02"), bytes("cc"));
    batch.delete(Column.STATE_FLAT, bytes("02"));
    batch.put(Column.STATE_FLAT, bytes("02"), bytes("dd"));
    batch.delete(Column.STATE_FLAT, bytes("03"));
    store.commit(batch);

    assertThat(store.get(Column.STATE_FLAT, bytes("01"))).isEmpty();
    assertThat(hex(store.get(Column.STATE_FLAT, bytes("02")).orElseThrow())).isEqualTo("dd");
    assertThat(store.get(Column.STATE_FLAT, bytes("03"))).isEmpty();
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() {
    put(Column.METADATA, "01", "");

    assertThat(store.get(Column.METADATA, bytes("01")))
        .hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  void arraysPassedToABatchMayBeReusedAfterPut() {
    byte[] key = bytes("01");
    byte[] value = bytes("aa");
    WriteBatch batch = store.newBatch();
    batch.put(Column.METADATA, key, value);
    key[0] = 2;
    value[0] = (byte) 0xbb;
    store.commit(batch);

    assertThat(hex(store.get(Column.METADATA, bytes("01")).orElseThrow())).isEqualTo("aa");
    byte[] read = store.get(Column.METADATA, bytes("01")).orElseThrow();
    read[0] = 0;
    assertThat(hex(store.get(Column.METADATA, bytes("01")).orElseThrow())).isEqualTo("aa");
  }

  @Test
  void keysSortAsUnsignedBytes() {
    for (String key : List.of("80", "7f", "ff", "00", "0100", "01", "ff00")) {
      put(Column.ACCOUNT_HISTORY, key, "00");
    }

    List<KeyValueStore.Entry> all =
        store.scan(Column.ACCOUNT_HISTORY, bytes(""), bytes("ffff"), false, 100);

    assertThat(keys(all)).containsExactly("00", "01", "0100", "7f", "80", "ff", "ff00");
  }

  @Test
  void ascendingScanHonoursBothBoundsAndTheLimit() {
    for (int i = 0; i < 10; i++) {
      put(Column.INVOICES, "aa0" + i, "0" + i);
    }
    put(Column.INVOICES, "a9ff", "00");
    put(Column.INVOICES, "ab", "00");

    assertThat(keys(store.scan(Column.INVOICES, bytes("aa02"), bytes("aa05"), false, 100)))
        .containsExactly("aa02", "aa03", "aa04");
    assertThat(keys(store.scan(Column.INVOICES, bytes("aa"), bytes("ab"), false, 3)))
        .containsExactly("aa00", "aa01", "aa02");
    List<KeyValueStore.Entry> one =
        store.scan(Column.INVOICES, bytes("aa07"), bytes("ab"), false, 1);
    assertThat(hex(one.get(0).value())).isEqualTo("07");
  }

  @Test
  void descendingScanStartsBelowTheUpperBoundAndStopsAtTheLowerBound() {
    for (int i = 0; i < 10; i++) {
      put(Column.RECORDS, "aa0" + i, "0" + i);
    }
    put(Column.RECORDS, "a9ff", "00");
    put(Column.RECORDS, "ab", "00");

    assertThat(keys(store.scan(Column.RECORDS, bytes("aa02"), bytes("aa05"), true, 100)))
        .containsExactly("aa04", "aa03", "aa02");
    assertThat(keys(store.scan(Column.RECORDS, bytes("aa"), bytes("ab"), true, 2)))
        .containsExactly("aa09", "aa08");
    assertThat(keys(store.scan(Column.RECORDS, bytes("aa"), bytes("aa0450"), true, 2)))
        .containsExactly("aa04", "aa03");
    assertThat(keys(store.scan(Column.RECORDS, bytes("00"), bytes("ffff"), true, 1)))
        .containsExactly("ab");
  }

  @Test
  void emptyOrInvertedRangesAndZeroLimitGiveNothing() {
    put(Column.RECORDS, "01", "00");

    assertThat(store.scan(Column.RECORDS, bytes("01"), bytes("01"), false, 10)).isEmpty();
    assertThat(store.scan(Column.RECORDS, bytes("02"), bytes("01"), true, 10)).isEmpty();
    assertThat(store.scan(Column.RECORDS, bytes("00"), bytes("02"), false, 0)).isEmpty();
    assertThat(store.scan(Column.RECORDS, bytes("02"), bytes("03"), true, 10)).isEmpty();
    assertThatThrownBy(() -> store.scan(Column.RECORDS, bytes("00"), bytes("02"), false, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scanDoesNotCrossIntoOtherColumns() {
    put(Column.HEADERS, "01", "00");
    put(Column.BODIES, "02", "00");

    assertThat(keys(store.scan(Column.HEADERS, bytes("00"), bytes("ff"), false, 10)))
        .containsExactly("01");
    assertThat(keys(store.scan(Column.BODIES, bytes("00"), bytes("ff"), true, 10)))
        .containsExactly("02");
  }

  @Test
  void batchFromAnotherStoreIsRefused() {
    try (KeyValueStore other = newStore()) {
      WriteBatch foreign = other.newBatch();
      foreign.put(Column.METADATA, bytes("01"), bytes("aa"));

      assertThatThrownBy(() -> store.commit(foreign)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closedStoreRefusesReads() {
    KeyValueStore closing = newStore();
    closing.close();
    closing.close();

    assertThatThrownBy(() -> closing.get(Column.METADATA, bytes("01")))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Each batch rewrites every key to the batch's number; a reader scanning concurrently must always
   * see one number across all keys.
   */
  @Test
  void readersNeverSeeHalfABatch() throws InterruptedException {
    int keyCount = 50;
    int batches = 200;
    writeAll(keyCount, 0);
    AtomicReference<String> torn = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  started.countDown();
                  for (int read = 0; read < 2_000 && torn.get() == null; read++) {
                    List<KeyValueStore.Entry> entries =
                        store.scan(Column.STATE_FLAT, bytes("00"), bytes("ff"), false, keyCount);
                    List<String> values = new ArrayList<>();
                    entries.forEach(entry -> values.add(hex(entry.value())));
                    if (entries.size() != keyCount || values.stream().distinct().count() != 1) {
                      torn.set(values.toString());
                    }
                  }
                });
    started.await();
    for (int number = 1; number <= batches; number++) {
      writeAll(keyCount, number);
    }
    reader.join();

    assertThat(torn.get()).as("a scan saw a partial batch").isNull();
  }

  private void writeAll(int keyCount, int number) {
    WriteBatch batch = store.newBatch();
    for (int key = 0; key < keyCount; key++) {
      batch.put(
          Column.STATE_FLAT,
          new byte[] {1, (byte) key},
          new byte[] {(byte) (number >> 8), (byte) number});
    }
    store.commit(batch);
  }
}
