package io.fiscus.rlp;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A strict, canonical RLP reader over a byte array. {@link #enterList()} returns a reader bounded
 * to the list's payload; {@link #requireEnd()} rejects trailing items. Every malformed or
 * non-canonical input fails with an {@link RlpException}: a value is never silently reinterpreted.
 */
public final class RlpReader {
  private final byte[] data;
  private int position;
  private final int end;

  private RlpReader(byte[] data, int position, int end) {
    this.data = data;
    this.position = position;
    this.end = end;
  }

  public static RlpReader of(byte[] data) {
    return new RlpReader(data, 0, data.length);
  }

  public static RlpReader of(Bytes data) {
    return of(data.unsafeArray());
  }

  public boolean hasNext() {
    return position < end;
  }

  public void requireEnd() {
    if (position != end) {
      throw new RlpException("trailing bytes after RLP item");
    }
  }

  /** True if the next item is a list. */
  public boolean nextIsList() {
    requireMore();
    return (data[position] & 0xff) >= 0xc0;
  }

  /** Position of the next item in the underlying array, for callers that hash raw slices. */
  public int position() {
    return position;
  }

  /** The raw encoding of the next item, whatever its kind, and moves past it. */
  public byte[] readRaw() {
    int start = position;
    Header header = header();
    position = header.payloadStart + header.payloadLength;
    return Arrays.copyOfRange(data, start, position);
  }

  public RlpReader enterList() {
    Header header = header();
    if (!header.list) {
      throw new RlpException("expected a list, found a string");
    }
    position = header.payloadStart + header.payloadLength;
    return new RlpReader(data, header.payloadStart, header.payloadStart + header.payloadLength);
  }

  public byte[] readBytes() {
    Header header = header();
    if (header.list) {
      throw new RlpException("expected a string, found a list");
    }
    position = header.payloadStart + header.payloadLength;
    return Arrays.copyOfRange(
        data, header.payloadStart, header.payloadStart + header.payloadLength);
  }

  public Bytes readValue() {
    return Bytes.wrap(readBytes());
  }

  public byte[] readFixed(int size, String what) {
    byte[] value = readBytes();
    if (value.length != size) {
      throw new RlpException(what + " must be " + size + " bytes, got " + value.length);
    }
    return value;
  }

  public Hash readHash() {
    return Hash.wrap(readFixed(Hash.SIZE, "hash"));
  }

  public Address readAddress() {
    return Address.wrap(readFixed(Address.SIZE, "address"));
  }

  /** A canonical unsigned scalar that fits in a signed long (no leading zeros). */
  public long readLong() {
    byte[] value = readBytes();
    if (value.length > 8 || (value.length == 8 && value[0] < 0)) {
      throw new RlpException("integer does not fit in 63 bits");
    }
    requireNoLeadingZero(value);
    long result = 0;
    for (byte b : value) {
      result = (result << 8) | (b & 0xff);
    }
    return result;
  }

  public int readInt() {
    long value = readLong();
    if (value > Integer.MAX_VALUE) {
      throw new RlpException("integer does not fit in 31 bits");
    }
    return (int) value;
  }

  /** A canonical unsigned scalar of at most {@code maxBytes} bytes. */
  public BigInteger readUInt(int maxBytes) {
    byte[] value = readBytes();
    if (value.length > maxBytes) {
      throw new RlpException("integer longer than " + maxBytes + " bytes");
    }
    requireNoLeadingZero(value);
    return new BigInteger(1, value);
  }

  private static void requireNoLeadingZero(byte[] value) {
    if (value.length > 0 && value[0] == 0) {
      throw new RlpException("integer has leading zero bytes");
    }
  }

  private void requireMore() {
    if (position >= end) {
      throw new RlpException("unexpected end of RLP input");
    }
  }

  private record Header(boolean list, int payloadStart, int payloadLength) {}

  private Header header() {
    requireMore();
    int prefix = data[position] & 0xff;
    if (prefix < 0x80) {
      return new Header(false, position, 1);
    }
    if (prefix <= 0xb7) {
      int length = prefix - 0x80;
      Header header = bounded(false, position + 1, length);
      if (length == 1 && (data[position + 1] & 0xff) < 0x80) {
        throw new RlpException("single byte below 0x80 must be encoded as itself");
      }
      return header;
    }
    if (prefix <= 0xbf) {
      return longForm(false, prefix - 0xb7);
    }
    if (prefix <= 0xf7) {
      return bounded(true, position + 1, prefix - 0xc0);
    }
    return longForm(true, prefix - 0xf7);
  }

  private Header longForm(boolean list, int lengthOfLength) {
    int lengthStart = position + 1;
    if (lengthStart + lengthOfLength > end) {
      throw new RlpException("RLP length runs past the end of input");
    }
    if (data[lengthStart] == 0) {
      throw new RlpException("RLP length has leading zero bytes");
    }
    if (lengthOfLength > 4) {
      throw new RlpException("RLP length too large");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (data[lengthStart + i] & 0xff);
    }
    if (length < 56) {
      throw new RlpException("RLP long form used for a length below 56");
    }
    if (length > Integer.MAX_VALUE) {
      throw new RlpException("RLP length too large");
    }
    return bounded(list, lengthStart + lengthOfLength, (int) length);
  }

  private Header bounded(boolean list, int payloadStart, int length) {
    if ((long) payloadStart + length > end) {
      throw new RlpException("RLP item runs past the end of input");
    }
    return new Header(list, payloadStart, length);
  }
}
