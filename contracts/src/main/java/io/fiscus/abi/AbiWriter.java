package io.fiscus.abi;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an ABI tuple (return values, event data, the fields of a struct) in order: each value
 * takes one head word; dynamic values ({@code string}, {@code bytes}, a dynamic tuple) go to the
 * tail with their offset in the head, exactly as Solidity encodes them.
 */
public final class AbiWriter {
  private static final int WORD = 32;

  private final byte[] head;
  private int nextHead;
  private byte[] tail = new byte[0];
  private int tailSize;

  /** A writer for a tuple of {@code valueCount} values. */
  public AbiWriter(int valueCount) {
    this.head = new byte[valueCount * WORD];
  }

  public AbiWriter address(Address value) {
    System.arraycopy(value.bytes().unsafeArray(), 0, head, word() + 12, Address.SIZE);
    return this;
  }

  public AbiWriter bool(boolean value) {
    head[word() + WORD - 1] = (byte) (value ? 1 : 0);
    return this;
  }

  /** An unsigned integer given as the 64 bits of a long (so uint64 values above 2^63 survive). */
  public AbiWriter uint(long unsignedValue) {
    putLong(head, word() + WORD - 8, unsignedValue);
    return this;
  }

  public AbiWriter uint(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    byte[] raw = value.toByteArray();
    int length = Math.min(raw.length, WORD);
    int at = word();
    System.arraycopy(raw, raw.length - length, head, at + WORD - length, length);
    return this;
  }

  public AbiWriter bytes32(Hash value) {
    System.arraycopy(value.bytes().unsafeArray(), 0, head, word(), WORD);
    return this;
  }

  public AbiWriter bytes(Bytes value) {
    int offset = head.length + tailSize;
    putLong(head, word() + WORD - 8, offset);
    byte[] raw = value.unsafeArray();
    int padded = (raw.length + WORD - 1) / WORD * WORD;
    byte[] lengthWord = new byte[WORD];
    putLong(lengthWord, WORD - 8, raw.length);
    appendTail(lengthWord, WORD);
    ensureTail(padded);
    System.arraycopy(raw, 0, tail, tailSize, raw.length);
    tailSize += padded;
    return this;
  }

  public AbiWriter string(String value) {
    return bytes(Bytes.wrap(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** A dynamic tuple (a struct with a dynamic member), encoded in the tail. */
  public AbiWriter tuple(AbiWriter tuple) {
    int offset = head.length + tailSize;
    putLong(head, word() + WORD - 8, offset);
    byte[] encoded = tuple.toBytes().unsafeArray();
    appendTail(encoded, encoded.length);
    return this;
  }

  /** The encoding; every value must have been written. */
  public Bytes toBytes() {
    if (nextHead * WORD != head.length) {
      throw new IllegalStateException(
          "wrote " + nextHead + " of " + head.length / WORD + " values");
    }
    byte[] out = Arrays.copyOf(head, head.length + tailSize);
    System.arraycopy(tail, 0, out, head.length, tailSize);
    return Bytes.wrap(out);
  }

  /** One 32-byte word holding an unsigned long, the most common return value. */
  public static Bytes uintWord(long unsignedValue) {
    return new AbiWriter(1).uint(unsignedValue).toBytes();
  }

  /** One 32-byte word holding a bool. */
  public static Bytes boolWord(boolean value) {
    return new AbiWriter(1).bool(value).toBytes();
  }

  /** An address as a 32-byte word, e.g. an indexed event parameter's topic. */
  public static Hash addressTopic(Address value) {
    byte[] word = new byte[WORD];
    System.arraycopy(value.bytes().unsafeArray(), 0, word, 12, Address.SIZE);
    return Hash.wrap(word);
  }

  private int word() {
    if (nextHead * WORD >= head.length) {
      throw new IllegalStateException("more values written than declared: " + head.length / WORD);
    }
    return WORD * nextHead++;
  }

  private void appendTail(byte[] bytes, int length) {
    ensureTail(length);
    System.arraycopy(bytes, 0, tail, tailSize, length);
    tailSize += length;
  }

  private void ensureTail(int extra) {
    if (tailSize + extra > tail.length) {
      tail = Arrays.copyOf(tail, Math.max(tail.length * 2, tailSize + extra));
    }
  }

  private static void putLong(byte[] target, int at, long value) {
    for (int i = 7; i >= 0; i--) {
      target[at + i] = (byte) value;
      value >>>= 8;
    }
  }
}
