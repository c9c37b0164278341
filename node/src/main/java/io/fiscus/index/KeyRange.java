package io.fiscus.index;

import java.util.Arrays;

/** Keys in {@code [fromInclusive, toExclusive)}, compared as unsigned bytes. Immutable. */
final class KeyRange {
  private final byte[] fromInclusive;
  private final byte[] toExclusive;

  KeyRange(byte[] fromInclusive, byte[] toExclusive) {
    this.fromInclusive = fromInclusive.clone();
    this.toExclusive = toExclusive.clone();
  }

  /** Every key that starts with {@code prefix}. */
  static KeyRange ofPrefix(byte[] prefix) {
    return new KeyRange(prefix, KeyBytes.prefixEnd(prefix));
  }

  byte[] fromInclusive() {
    return fromInclusive.clone();
  }

  byte[] toExclusive() {
    return toExclusive.clone();
  }

  boolean contains(byte[] key) {
    return Arrays.compareUnsigned(fromInclusive, key) <= 0
        && Arrays.compareUnsigned(key, toExclusive) < 0;
  }

  boolean isEmpty() {
    return Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0;
  }

  /** What is left of this range after {@code key} when scanning in the given direction. */
  KeyRange after(byte[] key, boolean descending) {
    return descending
        ? new KeyRange(fromInclusive, key)
        : new KeyRange(KeyBytes.successor(key), toExclusive);
  }
}
