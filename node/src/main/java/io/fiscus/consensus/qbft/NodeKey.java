package io.fiscus.consensus.qbft;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.Signer;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;

/** The local validator's identity: its address and a deterministic, low-s secp256k1 signer. */
public interface NodeKey {
  Address address();

  Signature sign(Hash hash);

  /** A node key backed by an in-memory private key. */
  static NodeKey of(PrivateKey key) {
    return of(key, Secp256k1.signer());
  }

  static NodeKey of(PrivateKey key, Signer signer) {
    Address address = Address.fromPublicKey(signer.publicKey(key));
    return new NodeKey() {
      @Override
      public Address address() {
        return address;
      }

      @Override
      public Signature sign(Hash hash) {
        return signer.sign(hash, key);
      }
    };
  }
}
