package io.fiscus.rlp;

import io.fiscus.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Recursive Length Prefix encoding. Encoders return finished byte arrays; {@link #list} joins
 * already-encoded items. Decoding is strict (canonical only) and lives in {@link RlpReader}.
 */
public final class Rlp {
  private static final byte EMPTY_STRING = (byte) 0x80;
  private static final byte EMPTY_LIST = (byte) 0xc0;

  private Rlp() {}

  /** RLP of the empty string, also the encoding of integer zero (a fresh array each call). */
  public static byte[] emptyString() {
    return new byte[] {EMPTY_STRING};
  }

  /** RLP of the empty list (a fresh array each call). */
  public static byte[] emptyList() {
    return new byte[] {EMPTY_LIST};
  }

  public static byte[] string(Bytes value) {
    return string(value.unsafeArray());
  }

  public static byte[] string(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return new byte[] {value[0]};
    }
    byte[] prefix = prefix(0x80, value.length);
    byte[] out = new byte[prefix.length + value.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(value, 0, out, prefix.length, value.length);
    return out;
  }

  /** An unsigned integer as its minimal big-endian bytes (zero is the empty string). */
  public static byte[] uint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    return string(minimalBytes(value));
  }

  public static byte[] uint(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    return string(minimalBytes(value));
  }

  /** A list of already-encoded items. */
  public static byte[] list(byte[]... encodedItems) {
    int length = 0;
    for (byte[] item : encodedItems) {
      length += item.length;
    }
    byte[] prefix = prefix(0xc0, length);
    byte[] out = new byte[prefix.length + length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    int at = prefix.length;
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, at, item.length);
      at += item.length;
    }
    return out;
  }

  public static byte[] list(List<byte[]> encodedItems) {
    return list(encodedItems.toArray(new byte[0][]));
  }

  /** Minimal big-endian bytes of a non-negative long; zero is empty. */
  public static byte[] minimalBytes(long value) {
    int size = (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  public static byte[] minimalBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = value.toByteArray();
    if (raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return raw;
  }

  private static byte[] prefix(int offset, int length) {
    if (length < 56) {
      return new byte[] {(byte) (offset + length)};
    }
    byte[] lengthBytes = minimalBytes(length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 + lengthBytes.length);
    out.write(offset + 55 + lengthBytes.length);
    out.writeBytes(lengthBytes);
    return out.toByteArray();
  }
}
