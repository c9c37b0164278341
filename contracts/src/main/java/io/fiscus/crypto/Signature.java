package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import java.math.BigInteger;

/**
 * A secp256k1 ECDSA signature with its recovery id (0 or 1), as Ethereum and Besu's QBFT use it.
 * Construction checks ranges only; {@link #isLowS()} is the malleability check callers enforce.
 */
public record Signature(BigInteger r, BigInteger s, int recoveryId) {
  public static final int SIZE = 65;
  public static final BigInteger CURVE_ORDER =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  public static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  public Signature {
    if (r.signum() <= 0 || r.compareTo(CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("signature r out of range");
    }
    if (s.signum() <= 0 || s.compareTo(CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("signature s out of range");
    }
    if (recoveryId != 0 && recoveryId != 1) {
      throw new IllegalArgumentException("signature recovery id must be 0 or 1");
    }
  }

  /** Decodes {@code r(32) ‖ s(32) ‖ recId(1)}. */
  public static Signature decode(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a signature has 65 bytes, got " + bytes.size());
    }
    byte[] raw = bytes.unsafeArray();
    return new Signature(
        new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)),
        new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)),
        raw[64]);
  }

  /** Encodes as {@code r(32) ‖ s(32) ‖ recId(1)}. */
  public Bytes encode() {
    byte[] out = new byte[SIZE];
    copyUnsigned32(r, out, 0);
    copyUnsigned32(s, out, 32);
    out[64] = (byte) recoveryId;
    return Bytes.wrap(out);
  }

  /** The 64-byte compact form {@code r ‖ s}. */
  public byte[] compact() {
    byte[] out = new byte[64];
    copyUnsigned32(r, out, 0);
    copyUnsigned32(s, out, 32);
    return out;
  }

  /** True when s is in the lower half of the curve order (EIP-2): the only form Fiscus accepts. */
  public boolean isLowS() {
    return s.compareTo(HALF_CURVE_ORDER) <= 0;
  }

  static void copyUnsigned32(BigInteger value, byte[] out, int offset) {
    byte[] raw = value.toByteArray();
    int start = raw.length > 32 ? raw.length - 32 : 0;
    int length = raw.length - start;
    System.arraycopy(raw, start, out, offset + 32 - length, length);
  }
}
