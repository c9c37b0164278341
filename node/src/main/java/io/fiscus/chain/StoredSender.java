package io.fiscus.chain;

import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * A "recovery" that answers with the sender recovered when the transaction was committed. Passing
 * it to {@link io.fiscus.tx.TransactionCodec} decodes a stored transaction with all the codec's
 * structural checks but without secp256k1 work, which dominates decoding cost. The signature was
 * verified before the block was committed; the store is trusted.
 */
record StoredSender(Address sender) implements SignatureRecovery {
  @Override
  public Optional<Address> recoverAddress(Hash messageHash, Signature signature) {
    return Optional.of(sender);
  }

  @Override
  public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
    throw new UnsupportedOperationException("a stored sender has an address, not a public key");
  }

  @Override
  public String name() {
    return "stored-sender";
  }
}
