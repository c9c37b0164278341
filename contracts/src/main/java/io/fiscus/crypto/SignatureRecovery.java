package io.fiscus.crypto;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * Recovers the signer of a 32-byte message hash. Implementations must agree on every input; {@link
 * Secp256k1#recovery()} picks the fastest one that loads.
 */
public interface SignatureRecovery {

  /** The signer's 64-byte uncompressed public key (x ‖ y), or empty if no key matches. */
  Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature);

  default Optional<Address> recoverAddress(Hash messageHash, Signature signature) {
    return recoverPublicKey(messageHash, signature).map(Address::fromPublicKey);
  }

  /** A short name for logs and benchmarks. */
  String name();
}
