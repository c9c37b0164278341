package io.fiscus.types;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte sequence, compared by content. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] value;
  private int hash;

  private Bytes(byte[] value) {
    this.value = value;
  }

  /** Copies {@code value}. */
  public static Bytes of(byte... value) {
    return value.length == 0 ? EMPTY : new Bytes(value.clone());
  }

  /** Takes ownership of {@code value}: the caller must not modify it afterwards. */
  public static Bytes wrap(byte[] value) {
    return value.length == 0 ? EMPTY : new Bytes(value);
  }

  /** Parses hex with or without a {@code 0x} prefix; rejects odd lengths and non-hex characters. */
  public static Bytes fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    return wrap(HEX.parseHex(digits));
  }

  public int size() {
    return value.length;
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  public byte get(int index) {
    return value[index];
  }

  /** A copy of the content. */
  public byte[] toArray() {
    return value.clone();
  }

  /** The backing array, for hot paths that promise not to modify it. */
  public byte[] unsafeArray() {
    return value;
  }

  public Bytes slice(int from, int to) {
    return wrap(Arrays.copyOfRange(value, from, to));
  }

  public Bytes concat(Bytes other) {
    byte[] out = Arrays.copyOf(value, value.length + other.value.length);
    System.arraycopy(other.value, 0, out, value.length, other.value.length);
    return wrap(out);
  }

  public String toHex() {
    return "0x" + HEX.formatHex(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(value);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
