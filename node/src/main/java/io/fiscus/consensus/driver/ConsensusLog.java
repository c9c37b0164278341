package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import io.fiscus.types.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The consensus write-ahead log in {@link Column#CONSENSUS}: the core's durable records, keyed
 * {@code height (8 bytes BE) ‖ sequence (8 bytes BE)} so they load in height and write order and a
 * range delete drops decided heights. Used from the driver thread only.
 *
 * <p>Records of decided heights are useless after a restart (the core ignores them), so {@link
 * #pruneBelow} marks them and the next {@link #append} deletes them in its own batch: pruning costs
 * no extra sync.
 */
public final class ConsensusLog {
  private static final int KEY_SIZE = 16;
  private static final int SCAN_PAGE = 256;

  private final KeyValueStore store;
  private final DurableRecordCodec codec;
  private long nextSequence = -1;
  private long prunedBelow;
  private long pruneBelow;

  public ConsensusLog(KeyValueStore store, DurableRecordCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /** Every stored record, oldest first; call once before the first {@link #append}. */
  public List<DurableRecord> load() {
    List<DurableRecord> records = new ArrayList<>();
    long highestSequence = -1;
    byte[] from = new byte[0];
    while (true) {
      List<KeyValueStore.Entry> page =
          store.scan(Column.CONSENSUS, from, keyEnd(), false, SCAN_PAGE);
      for (KeyValueStore.Entry entry : page) {
        records.add(codec.decode(Bytes.wrap(entry.value())));
        highestSequence = Math.max(highestSequence, ByteBuffer.wrap(entry.key()).getLong(8));
      }
      if (page.size() < SCAN_PAGE) {
        break;
      }
      from = successor(page.get(page.size() - 1).key());
    }
    nextSequence = highestSequence + 1;
    return records;
  }

  /** Writes {@code records} in one synced batch (with any pending pruning) before returning. */
  public void append(List<DurableRecord> records) {
    if (nextSequence < 0) {
      throw new IllegalStateException("load the consensus log before appending to it");
    }
    if (records.isEmpty()) {
      return;
    }
    WriteBatch batch = store.newBatch();
    if (pruneBelow > prunedBelow) {
      deleteBelow(pruneBelow, batch);
    }
    for (DurableRecord record : records) {
      batch.put(
          Column.CONSENSUS, key(record.height(), nextSequence++), codec.encode(record).toArray());
    }
    store.commit(batch);
    prunedBelow = Math.max(prunedBelow, pruneBelow);
  }

  /** Records of heights below {@code height} are no longer needed; deleted with the next append. */
  public void pruneBelow(long height) {
    pruneBelow = Math.max(pruneBelow, height);
  }

  private void deleteBelow(long height, WriteBatch batch) {
    byte[] from = key(prunedBelow, 0);
    byte[] to = key(height, 0);
    while (true) {
      List<KeyValueStore.Entry> page = store.scan(Column.CONSENSUS, from, to, false, SCAN_PAGE);
      for (KeyValueStore.Entry entry : page) {
        batch.delete(Column.CONSENSUS, entry.key());
      }
      if (page.size() < SCAN_PAGE) {
        return;
      }
      from = successor(page.get(page.size() - 1).key());
    }
  }

  private static byte[] key(long height, long sequence) {
    return ByteBuffer.allocate(KEY_SIZE).putLong(height).putLong(sequence).array();
  }

  /** Above every key: heights are non-negative longs, so their first byte is below 0x80. */
  private static byte[] keyEnd() {
    byte[] end = new byte[KEY_SIZE + 1];
    Arrays.fill(end, (byte) 0xff);
    return end;
  }

  /** The smallest key after {@code key}. */
  private static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }
}
