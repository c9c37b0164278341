package io.fiscus.p2p;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Objects;

/**
 * What ties a hello to one TLS session, seen from the hello's signer: the keccak hashes of the
 * signer's and the receiver's TLS certificates (DER) and the fresh random challenge the receiver
 * sent on this connection. A hello replayed on another connection fails because at least the
 * receiver's challenge differs, and a relay fails because the certificates differ.
 */
public record SessionBinding(
    Hash signerCertificateHash, Hash receiverCertificateHash, Bytes receiverChallenge) {
  public static final int CHALLENGE_BYTES = 32;

  public SessionBinding {
    Objects.requireNonNull(signerCertificateHash, "signerCertificateHash");
    Objects.requireNonNull(receiverCertificateHash, "receiverCertificateHash");
    Objects.requireNonNull(receiverChallenge, "receiverChallenge");
    if (receiverChallenge.size() != CHALLENGE_BYTES) {
      throw new IllegalArgumentException("a challenge is " + CHALLENGE_BYTES + " bytes");
    }
  }
}
