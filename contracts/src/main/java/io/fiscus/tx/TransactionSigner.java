package io.fiscus.tx;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.Signer;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.Objects;

/**
 * Signs transactions deterministically (RFC 6979, low s), producing the same raw bytes as any
 * Ethereum wallet would for the same key and fields. For tests, benchmarks and node tooling.
 */
public final class TransactionSigner {
  private final Signer signer;

  public TransactionSigner(Signer signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /** A signer using the fastest secp256k1 implementation that loads. */
  public static TransactionSigner withDefaultSigner() {
    return new TransactionSigner(Secp256k1.signer());
  }

  /** Signs {@code transaction} with {@code key}; the sender is the key's address. */
  public SignedTransaction sign(UnsignedTransaction transaction, PrivateKey key) {
    Signature signature = signer.sign(TransactionCodec.signingHash(transaction), key);
    Bytes raw = TransactionCodec.encode(transaction, signature);
    Address sender = Address.fromPublicKey(signer.publicKey(key));
    return SignedTransaction.of(transaction, signature, sender, Keccak.hash(raw), raw);
  }
}
