package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 (the pre-standard SHA-3 Ethereum uses). */
public final class Keccak {
  private Keccak() {}

  public static Hash hash(Bytes data) {
    return hash(data.unsafeArray(), 0, data.size());
  }

  public static Hash hash(byte[] data, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Hash.wrap(out);
  }
}
