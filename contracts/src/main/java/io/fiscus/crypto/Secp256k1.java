package io.fiscus.crypto;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * The process-wide choice of secp256k1 implementation: libsecp256k1 through JNI when it loads
 * (about 3x faster), Bouncy Castle otherwise. Set {@code -Dfiscus.secp256k1=bouncycastle} to force
 * the portable path.
 */
public final class Secp256k1 {
  private static final BouncyCastleSecp256k1 PORTABLE = new BouncyCastleSecp256k1();
  private static final Implementation CHOSEN = choose();

  private Secp256k1() {}

  /** Both halves of an implementation. */
  public interface Implementation extends SignatureRecovery, Signer {}

  public static Implementation get() {
    return CHOSEN;
  }

  public static SignatureRecovery recovery() {
    return CHOSEN;
  }

  public static Signer signer() {
    return CHOSEN;
  }

  /** The portable implementation, whatever {@link #get()} chose. */
  public static Implementation portable() {
    return wrap(PORTABLE);
  }

  /** The native implementation if libsecp256k1 loads here. */
  public static Optional<Implementation> nativeIfAvailable() {
    return NativeSecp256k1.load().map(Secp256k1::wrap);
  }

  public static Address address(PrivateKey key) {
    return Address.fromPublicKey(CHOSEN.publicKey(key));
  }

  private static Implementation choose() {
    if ("bouncycastle".equals(System.getProperty("fiscus.secp256k1"))) {
      return portable();
    }
    return nativeIfAvailable().orElseGet(Secp256k1::portable);
  }

  private static <T extends SignatureRecovery & Signer> Implementation wrap(T delegate) {
    return new Implementation() {
      @Override
      public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
        return delegate.recoverPublicKey(messageHash, signature);
      }

      @Override
      public Signature sign(Hash messageHash, PrivateKey key) {
        return delegate.sign(messageHash, key);
      }

      @Override
      public Bytes publicKey(PrivateKey key) {
        return delegate.publicKey(key);
      }

      @Override
      public String name() {
        return delegate.name();
      }
    };
  }
}
