package io.fiscus.block;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * Ethereum's 2048-bit logs bloom (Yellow Paper M3:2048). Each log's address and topics set three
 * bits each, taken from the low 11 bits of the first three byte pairs of their keccak256; bit
 * {@code i} is bit {@code i} of the 256 bytes read as one big-endian number.
 */
public record LogsBloom(Bytes bytes) {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  public LogsBloom {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom has 256 bytes, got " + bytes.size());
    }
  }

  /** The bloom of a receipt: every log's address and every topic. */
  public static LogsBloom of(List<Log> logs) {
    byte[] bits = new byte[SIZE];
    for (Log log : logs) {
      set(bits, log.address().bytes());
      for (Hash topic : log.topics()) {
        set(bits, topic.bytes());
      }
    }
    return new LogsBloom(Bytes.wrap(bits));
  }

  /** The union of several blooms, as a block's bloom is the union of its receipts' blooms. */
  public static LogsBloom union(List<LogsBloom> blooms) {
    byte[] bits = new byte[SIZE];
    for (LogsBloom bloom : blooms) {
      byte[] other = bloom.bytes.unsafeArray();
      for (int i = 0; i < SIZE; i++) {
        bits[i] |= other[i];
      }
    }
    return new LogsBloom(Bytes.wrap(bits));
  }

  public LogsBloom or(LogsBloom other) {
    return union(List.of(this, other));
  }

  /** False if no log from {@code address} was added; true may be a false positive. */
  public boolean mightContain(Address address) {
    return mightContain(address.bytes());
  }

  /** False if no log with this topic was added; true may be a false positive. */
  public boolean mightContain(Hash topic) {
    return mightContain(topic.bytes());
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  private boolean mightContain(Bytes value) {
    byte[] bits = bytes.unsafeArray();
    byte[] hash = Keccak.hash(value).bytes().unsafeArray();
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      if ((bits[SIZE - 1 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static void set(byte[] bits, Bytes value) {
    byte[] hash = Keccak.hash(value).bytes().unsafeArray();
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  private static int bitIndex(byte[] hash, int pair) {
    return (((hash[pair] & 0xff) << 8) | (hash[pair + 1] & 0xff)) & 2047;
  }
}
