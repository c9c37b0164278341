package io.fiscus.types;

import io.fiscus.crypto.Keccak;

/** A 32-byte hash, usually keccak256. */
public record Hash(Bytes bytes) implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(Bytes.wrap(new byte[SIZE]));

  /** keccak256 of the empty string. */
  public static final Hash EMPTY_DATA = Keccak.hash(Bytes.EMPTY);

  /** keccak256(RLP("")), the root of an empty Merkle Patricia trie. */
  public static final Hash EMPTY_TRIE = Keccak.hash(Bytes.of((byte) 0x80));

  /** keccak256(RLP([])), the hash of an empty ommers list. */
  public static final Hash EMPTY_LIST = Keccak.hash(Bytes.of((byte) 0xc0));

  public Hash {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.size());
    }
  }

  public static Hash wrap(byte[] bytes) {
    return new Hash(Bytes.wrap(bytes));
  }

  public static Hash fromHex(String hex) {
    return new Hash(Bytes.fromHex(hex));
  }

  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public int compareTo(Hash other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
