package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;

/** A secp256k1 private key. {@link #toString()} never prints the secret. */
public record PrivateKey(BigInteger value) {
  public PrivateKey {
    if (value.signum() <= 0 || value.compareTo(Signature.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("private key out of range");
    }
  }

  public static PrivateKey fromHex(String hex) {
    Bytes bytes = Bytes.fromHex(hex.strip());
    if (bytes.size() != 32) {
      throw new IllegalArgumentException("a private key has 32 bytes, got " + bytes.size());
    }
    return new PrivateKey(new BigInteger(1, bytes.unsafeArray()));
  }

  public static PrivateKey random(SecureRandom random) {
    while (true) {
      BigInteger candidate = new BigInteger(256, random);
      if (candidate.signum() > 0 && candidate.compareTo(Signature.CURVE_ORDER) < 0) {
        return new PrivateKey(candidate);
      }
    }
  }

  public Bytes toBytes() {
    byte[] out = new byte[32];
    Signature.copyUnsigned32(value, out, 0);
    return Bytes.wrap(out);
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
