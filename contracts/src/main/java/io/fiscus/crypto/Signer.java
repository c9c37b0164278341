package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;

/** Signs 32-byte message hashes deterministically (RFC 6979), always with low s. */
public interface Signer {
  Signature sign(Hash messageHash, PrivateKey key);

  /** The 64-byte uncompressed public key (x ‖ y) of {@code key}. */
  Bytes publicKey(PrivateKey key);
}
