package io.fiscus.types;

import io.fiscus.crypto.Keccak;
import java.nio.charset.StandardCharsets;

/** A 20-byte account address. Sorted as unsigned bytes, as Besu sorts validators. */
public record Address(Bytes bytes) implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  public Address {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.size());
    }
  }

  public static Address wrap(byte[] bytes) {
    return new Address(Bytes.wrap(bytes));
  }

  public static Address fromHex(String hex) {
    return new Address(Bytes.fromHex(hex));
  }

  /** The address of an uncompressed 64-byte public key (x ‖ y): the last 20 bytes of its hash. */
  public static Address fromPublicKey(Bytes publicKey64) {
    if (publicKey64.size() != 64) {
      throw new IllegalArgumentException("public key must be 64 bytes, got " + publicKey64.size());
    }
    return new Address(Keccak.hash(publicKey64).bytes().slice(12, 32));
  }

  /** Lower-case hex with 0x. */
  public String toHex() {
    return bytes.toHex();
  }

  /** EIP-55 mixed-case checksum form. */
  public String toChecksumHex() {
    String lower = bytes.toHex().substring(2);
    byte[] hash =
        Keccak.hash(Bytes.wrap(lower.getBytes(StandardCharsets.US_ASCII))).bytes().unsafeArray();
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public int compareTo(Address other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
