package io.fiscus.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.KeyValueStoreContractTest;
import io.fiscus.storage.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbKeyValueStoreTest extends KeyValueStoreContractTest {
  private static final AtomicInteger STORES = new AtomicInteger();

  @TempDir Path temporary;

  @Override
  protected KeyValueStore newStore() {
    return RocksDbKeyValueStore.open(temporary.resolve("db-" + STORES.incrementAndGet()));
  }

  @Test
  void reopenedStoreKeepsCommittedData() {
    Path directory = ((RocksDbKeyValueStore) store).directory();
    put(Column.HEADERS, "0000000000000001", "aa");
    put(Column.INVOICES, "01", "bb");
    store.close();

    store = RocksDbKeyValueStore.open(directory);

    assertThat(hex(store.get(Column.HEADERS, bytes("0000000000000001")).orElseThrow()))
        .isEqualTo("aa");
    assertThat(keys(store.scan(Column.INVOICES, bytes("00"), bytes("ff"), false, 10)))
        .containsExactly("01");
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsClearly() {
    Path directory = ((RocksDbKeyValueStore) store).directory();

    assertThatThrownBy(() -> RocksDbKeyValueStore.open(directory))
        .isInstanceOfSatisfying(
            RocksDbOpenException.class,
            e -> assertThat(e.reason()).isEqualTo(RocksDbOpenException.Reason.DIRECTORY_IN_USE))
        .hasMessageContaining("data directory is in use by another process");
    // The failed open must leave the first store working.
    put(Column.METADATA, "01", "aa");
    assertThat(store.get(Column.METADATA, bytes("01"))).isPresent();
  }

  @Test
  void directoryThatIsAFileCannotBeOpened() throws IOException {
    Path file = Files.writeString(temporary.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> RocksDbKeyValueStore.open(file))
        .isInstanceOfSatisfying(
            RocksDbOpenException.class,
            e -> assertThat(e.reason()).isEqualTo(RocksDbOpenException.Reason.CANNOT_OPEN));
  }

  @Test
  void everyColumnIsAFamilyOfItsOwnThatSurvivesReopen() {
    Path directory = ((RocksDbKeyValueStore) store).directory();
    WriteBatch batch = store.newBatch();
    for (Column column : Column.values()) {
      batch.put(column, bytes("01"), column.name().getBytes(StandardCharsets.US_ASCII));
    }
    store.commit(batch);
    store.close();

    store = RocksDbKeyValueStore.open(directory);

    for (Column column : Column.values()) {
      assertThat(store.get(column, bytes("01")).orElseThrow())
          .isEqualTo(column.name().getBytes(StandardCharsets.US_ASCII));
    }
  }
}
