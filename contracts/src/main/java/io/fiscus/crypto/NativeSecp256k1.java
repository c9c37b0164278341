package io.fiscus.crypto;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Arrays;
import java.util.Optional;

/** libsecp256k1 through ACINQ's JNI binding. Loaded only through {@link #load()}. */
final class NativeSecp256k1 implements SignatureRecovery, Signer {
  private final fr.acinq.secp256k1.Secp256k1 library;

  private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 library) {
    this.library = library;
  }

  /** The native implementation, or empty if its library does not load on this platform. */
  static Optional<NativeSecp256k1> load() {
    try {
      return Optional.of(new NativeSecp256k1(fr.acinq.secp256k1.Secp256k1.get()));
    } catch (RuntimeException | LinkageError unavailable) {
      // Missing classes or an unsupported platform: the Bouncy Castle path serves instead.
      return Optional.empty();
    }
  }

  @Override
  public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
    try {
      byte[] uncompressed =
          library.ecdsaRecover(
              signature.compact(), messageHash.bytes().unsafeArray(), signature.recoveryId());
      return Optional.of(Bytes.wrap(Arrays.copyOfRange(uncompressed, 1, 65)));
    } catch (RuntimeException noMatchingKey) {
      // libsecp256k1 signals "no key recovers" by throwing; that is an answer, not a failure.
      return Optional.empty();
    }
  }

  @Override
  public Signature sign(Hash messageHash, PrivateKey key) {
    byte[] compact = library.sign(messageHash.bytes().unsafeArray(), key.toBytes().toArray(), null);
    Bytes publicKey = publicKey(key);
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Signature candidate =
          new Signature(
              new java.math.BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
              new java.math.BigInteger(1, Arrays.copyOfRange(compact, 32, 64)),
              recoveryId);
      if (recoverPublicKey(messageHash, candidate).filter(publicKey::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  @Override
  public Bytes publicKey(PrivateKey key) {
    byte[] uncompressed = library.pubkeyCreate(key.toBytes().toArray());
    return Bytes.wrap(Arrays.copyOfRange(uncompressed, 1, 65));
  }

  @Override
  public String name() {
    return "libsecp256k1";
  }
}
