package io.fiscus.index;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Building blocks of index keys. Keys compare as unsigned bytes, so numbers are written big-endian
 * at fixed width (every number here is non-negative) and a range of keys sharing a prefix is {@code
 * [prefix, prefixEnd(prefix))}.
 */
final class KeyBytes {
  private KeyBytes() {}

  static byte[] concat(byte[]... parts) {
    int size = 0;
    for (byte[] part : parts) {
      size += part.length;
    }
    ByteBuffer key = ByteBuffer.allocate(size);
    for (byte[] part : parts) {
      key.put(part);
    }
    return key.array();
  }

  static byte[] prefix(int indexId, byte[]... parts) {
    byte[][] all = new byte[parts.length + 1][];
    all[0] = new byte[] {(byte) indexId};
    System.arraycopy(parts, 0, all, 1, parts.length);
    return concat(all);
  }

  static byte[] long8(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  static byte[] int4(int value) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
  }

  static byte[] bytes(Bytes value) {
    return value.unsafeArray();
  }

  /** keccak256 of a tax id's UTF-8 bytes: a fixed-width key part for a variable-length id. */
  static byte[] taxIdHash(String taxId) {
    Hash hash = Keccak.hash(Bytes.wrap(taxId.getBytes(StandardCharsets.UTF_8)));
    return hash.bytes().unsafeArray();
  }

  /** The smallest key above every key that starts with {@code prefix}. */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    // Every layout starts with an index id or a big-endian non-negative number below 0xff.
    throw new IllegalArgumentException("a prefix of only 0xff bytes has no end");
  }

  /** The smallest key above {@code key} itself: {@code key ‖ 0x00}. */
  static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
