package io.fiscus.p2p;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.Objects;

/**
 * A node's identity on the network: its 64-byte uncompressed secp256k1 public key (without the 0x04
 * prefix), as in its enode URL. The address derived from it is its validator address.
 */
public record PeerId(Bytes publicKey) implements Comparable<PeerId> {
  public PeerId {
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.size() != 64) {
      throw new IllegalArgumentException("a node public key is 64 bytes");
    }
  }

  public Address address() {
    return Address.fromPublicKey(publicKey);
  }

  @Override
  public int compareTo(PeerId other) {
    return publicKey.compareTo(other.publicKey);
  }

  @Override
  public String toString() {
    return publicKey.toHex().substring(2, 18);
  }
}
