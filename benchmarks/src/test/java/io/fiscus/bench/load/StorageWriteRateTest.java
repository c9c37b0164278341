package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.storage.Column;
import io.fiscus.storage.rocksdb.RocksDbKeyValueStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageWriteRateTest {

  @Test
  void theMeasuredBatchesAreDurablyInTheStoreAfterward(@TempDir Path directory) {
    StorageWriteRate.Result result = StorageWriteRate.measure(directory, 3, 400);

    assertThat(result.putsPerBatch()).isEqualTo(400);
    // Both rates come from the same elapsed time; each is rounded down on its own.
    assertThat(result.putsPerSecond())
        .isBetween(result.batchesPerSecond() * 400, (result.batchesPerSecond() + 1) * 400);
    // Two warm-up batches and three measured ones, a quarter of each in every column.
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(directory)) {
      for (Column column :
          new Column[] {
            Column.TRANSACTIONS, Column.STATE_FLAT, Column.TRIE_NODES, Column.ACCOUNT_HISTORY
          }) {
        assertThat(store.scan(column, new byte[32], max(), false, 10_000)).hasSize(5 * 100);
      }
      assertThat(store.scan(Column.HEADERS, new byte[32], max(), false, 10)).isEmpty();
    }
  }

  @Test
  void nothingToMeasureIsRefused(@TempDir Path directory) {
    assertThatThrownBy(() -> StorageWriteRate.measure(directory, 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StorageWriteRate.measure(directory, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] max() {
    byte[] key = new byte[33];
    java.util.Arrays.fill(key, (byte) 0xff);
    return key;
  }
}
