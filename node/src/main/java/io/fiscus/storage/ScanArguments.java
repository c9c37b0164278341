package io.fiscus.storage;

import java.util.Arrays;

/** The argument rules of {@link KeyValueStore#scan} that every store implements alike. */
public final class ScanArguments {
  private ScanArguments() {}

  /**
   * Whether a scan of {@code [fromInclusive, toExclusive)} for {@code limit} entries must return
   * nothing without touching the store: a zero limit, or an empty range.
   *
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  public static boolean selectNothing(byte[] fromInclusive, byte[] toExclusive, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return limit == 0 || Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0;
  }
}
