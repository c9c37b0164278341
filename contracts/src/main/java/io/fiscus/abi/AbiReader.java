package io.fiscus.abi;

import io.fiscus.abi.AbiException.Problem;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader of ABI-encoded function arguments, read in order. Every argument we use takes one
 * head word; dynamic values ({@code string}, {@code bytes}) must sit exactly where the canonical
 * encoder puts them (in argument order, right after the head, each padded with zeros), and {@link
 * #end()} rejects anything after the last one. So one call has exactly one accepted encoding, and
 * every deviation is an {@link AbiException}.
 */
public final class AbiReader {
  /** What {@link #amount()} returns for a {@code uint256} above {@link Long#MAX_VALUE}. */
  public static final long OUT_OF_RANGE = -1;

  private static final int WORD = 32;

  private final byte[] data;
  private final int start;
  private final int headWords;
  private int nextHead;
  private int expectedTail;

  private AbiReader(byte[] data, int start, int headWords) {
    this.data = data;
    this.start = start;
    this.headWords = headWords;
    this.expectedTail = headWords * WORD;
    if (data.length - start < expectedTail) {
      throw new AbiException(Problem.TRUNCATED);
    }
  }

  /** Reads the {@code argumentCount} arguments that follow the 4-byte selector of call data. */
  public static AbiReader ofCall(Bytes callData, int argumentCount) {
    if (callData.size() < 4) {
      throw new AbiException(Problem.NO_SELECTOR);
    }
    return new AbiReader(callData.unsafeArray(), 4, argumentCount);
  }

  /** Reads {@code count} values encoded as a tuple (return data, event data). */
  public static AbiReader ofTuple(Bytes encoded, int count) {
    return new AbiReader(encoded.unsafeArray(), 0, count);
  }

  public Address address() {
    int at = head();
    requireZero(at, 12, Problem.DIRTY_HIGH_BITS);
    return Address.wrap(Arrays.copyOfRange(data, at + 12, at + WORD));
  }

  public boolean bool() {
    int at = head();
    requireZero(at, WORD - 1, Problem.INVALID_BOOL);
    int last = data[at + WORD - 1];
    if (last != 0 && last != 1) {
      throw new AbiException(Problem.INVALID_BOOL);
    }
    return last == 1;
  }

  /** A {@code uintN} with {@code bits} ≤ 63, so it fits a long. */
  public long uint(int bits) {
    int at = head();
    long value = tailLong(at);
    if (bits < 64 && (value >>> bits) != 0) {
      throw new AbiException(Problem.DIRTY_HIGH_BITS);
    }
    return value;
  }

  public int uint8() {
    return (int) uint(8);
  }

  public int uint16() {
    return (int) uint(16);
  }

  /** A {@code uint64}, as the long with the same 64 bits (unsigned). */
  public long uint64() {
    return uint(64);
  }

  /**
   * A {@code uint256} amount: its value if it fits a signed long, else {@link #OUT_OF_RANGE}; the
   * contract decides when to reject it, so that check-order rules hold.
   */
  public long amount() {
    int at = head();
    for (int i = 0; i < WORD - 8; i++) {
      if (data[at + i] != 0) {
        return OUT_OF_RANGE;
      }
    }
    long value = tailLong(at);
    return value < 0 ? OUT_OF_RANGE : value;
  }

  public BigInteger uint256() {
    int at = head();
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + WORD));
  }

  public Hash bytes32() {
    int at = head();
    return Hash.wrap(Arrays.copyOfRange(data, at, at + WORD));
  }

  public Bytes bytes() {
    int at = head();
    long offset = wordAsLength(at, Problem.NON_CANONICAL_OFFSET);
    if (offset != expectedTail) {
      throw new AbiException(Problem.NON_CANONICAL_OFFSET);
    }
    int lengthAt = start + expectedTail;
    if (data.length - lengthAt < WORD) {
      throw new AbiException(Problem.TRUNCATED);
    }
    long length = wordAsLength(lengthAt, Problem.LENGTH_OUT_OF_RANGE);
    long padded = (length + WORD - 1) / WORD * WORD;
    int valueAt = lengthAt + WORD;
    if (padded > data.length - valueAt) {
      throw new AbiException(Problem.LENGTH_OUT_OF_RANGE);
    }
    for (int i = valueAt + (int) length; i < valueAt + padded; i++) {
      if (data[i] != 0) {
        throw new AbiException(Problem.DIRTY_PADDING);
      }
    }
    expectedTail += WORD + (int) padded;
    return Bytes.wrap(Arrays.copyOfRange(data, valueAt, valueAt + (int) length));
  }

  /** A string, which must be valid UTF-8. */
  public String string() {
    Bytes raw = bytes();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw.unsafeArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AbiException(Problem.INVALID_UTF8);
    }
  }

  /** Requires that every argument was read and nothing follows the last one. */
  public void end() {
    if (nextHead != headWords) {
      throw new IllegalStateException("read " + nextHead + " of " + headWords + " arguments");
    }
    if (data.length - start != expectedTail) {
      throw new AbiException(Problem.TRAILING_BYTES);
    }
  }

  private int head() {
    if (nextHead >= headWords) {
      throw new IllegalStateException("more arguments read than declared: " + headWords);
    }
    return start + WORD * nextHead++;
  }

  private long tailLong(int at) {
    requireZero(at, WORD - 8, Problem.DIRTY_HIGH_BITS);
    long value = 0;
    for (int i = at + WORD - 8; i < at + WORD; i++) {
      value = (value << 8) | (data[i] & 0xff);
    }
    return value;
  }

  /** A word that must hold a small non-negative int (an offset or a length). */
  private long wordAsLength(int at, Problem problem) {
    requireZero(at, WORD - 4, problem);
    long value = 0;
    for (int i = at + WORD - 4; i < at + WORD; i++) {
      value = (value << 8) | (data[i] & 0xff);
    }
    return value;
  }

  private void requireZero(int at, int count, Problem problem) {
    for (int i = at; i < at + count; i++) {
      if (data[i] != 0) {
        throw new AbiException(problem);
      }
    }
  }
}
