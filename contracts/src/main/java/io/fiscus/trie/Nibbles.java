package io.fiscus.trie;

import java.util.Arrays;

/**
 * Key paths as arrays of nibbles (values 0–15), and Ethereum's hex-prefix encoding of a path with
 * its leaf flag. Arrays passed in are never modified; arrays returned are fresh.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  /** The nibbles of {@code key}, high nibble first. */
  static byte[] of(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0xf);
      out[2 * i + 1] = (byte) (key[i] & 0xf);
    }
    return out;
  }

  static byte[] slice(byte[] path, int from) {
    return from == 0 ? path : Arrays.copyOfRange(path, from, path.length);
  }

  static byte[] slice(byte[] path, int from, int to) {
    return Arrays.copyOfRange(path, from, to);
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** Length of the common prefix of {@code path} and {@code key[offset..]}. */
  static int commonPrefix(byte[] path, byte[] key, int offset) {
    int max = Math.min(path.length, key.length - offset);
    int i = 0;
    while (i < max && path[i] == key[offset + i]) {
      i++;
    }
    return i;
  }

  /** True if {@code key[offset..]} starts with {@code path}. */
  static boolean startsWith(byte[] key, int offset, byte[] path) {
    return key.length - offset >= path.length && commonPrefix(path, key, offset) == path.length;
  }

  /** Hex-prefix encoding: a flag nibble (2 for a leaf, +1 if odd) then the path, padded. */
  static byte[] hexPrefix(byte[] path, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (path.length % 2);
    byte[] out = new byte[path.length / 2 + 1];
    int from;
    if (path.length % 2 == 1) {
      out[0] = (byte) ((flag << 4) | path[0]);
      from = 1;
    } else {
      out[0] = (byte) (flag << 4);
      from = 0;
    }
    for (int i = from, at = 1; i < path.length; i += 2, at++) {
      out[at] = (byte) ((path[i] << 4) | path[i + 1]);
    }
    return out;
  }

  /** A decoded hex-prefix path: its nibbles, and whether it ends a leaf. */
  static final class HexPrefixPath {
    private final byte[] path;
    private final boolean leaf;

    HexPrefixPath(byte[] path, boolean leaf) {
      this.path = path;
      this.leaf = leaf;
    }

    byte[] path() {
      return path;
    }

    boolean leaf() {
      return leaf;
    }
  }

  /**
   * Decodes a hex-prefix path; rejects an empty encoding, an unknown flag and a non-zero pad
   * nibble.
   */
  static HexPrefixPath decodeHexPrefix(byte[] encoded) {
    if (encoded.length == 0) {
      throw new IllegalArgumentException("empty hex-prefix path");
    }
    int flag = (encoded[0] >> 4) & 0xf;
    if (flag > 3) {
      throw new IllegalArgumentException("hex-prefix flag " + flag + " is not 0-3");
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (encoded[0] & 0xf) != 0) {
      throw new IllegalArgumentException("hex-prefix pad nibble is not zero");
    }
    byte[] all = of(encoded);
    return new HexPrefixPath(Arrays.copyOfRange(all, odd ? 1 : 2, all.length), flag >= 2);
  }
}
