package io.fiscus.storage;

import java.util.Arrays;
import java.util.List;

/** Counts what a store holds, for tests that check how many rows a writer left behind. */
public final class StoredRows {
  private static final int PAGE = 4096;
  // Above every key the node writes (the longest are index keys of well under a hundred bytes):
  // keys compare as unsigned bytes, so only a key starting with this whole run could sort after.
  private static final byte[] ABOVE_EVERY_KEY = filled(1024);

  private StoredRows() {}

  /** The number of keys in {@code column}, read in bounded pages. */
  public static long count(KeyValueStore store, Column column) {
    long count = 0;
    byte[] from = new byte[0];
    while (true) {
      List<KeyValueStore.Entry> page = store.scan(column, from, ABOVE_EVERY_KEY, false, PAGE);
      count += page.size();
      if (page.size() < PAGE) {
        return count;
      }
      // The smallest key after the last one read: the same bytes followed by a zero byte.
      from =
          Arrays.copyOf(
              page.get(page.size() - 1).key(), page.get(page.size() - 1).key().length + 1);
    }
  }

  private static byte[] filled(int length) {
    byte[] key = new byte[length];
    Arrays.fill(key, (byte) 0xff);
    return key;
  }
}
