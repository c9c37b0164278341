package io.fiscus.p2p;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Hash;
import java.util.Objects;

/**
 * The first message of a connection after the challenges: who the sender is (its node key), which
 * chain it is on, and its head, signed over {@link HelloCodec#signingHash} so that it is valid on
 * one TLS session only. {@code listenPort} is where the sender accepts connections (0 if it does
 * not listen), so an inbound peer can be shown with a dialable enode.
 */
public record Hello(
    long chainId,
    Hash genesisHash,
    int protocolVersion,
    ChainHead head,
    int listenPort,
    PeerId nodeKey,
    Signature signature) {

  /** The p2p protocol version this code speaks; a peer with another version is refused. */
  public static final int PROTOCOL_VERSION = 1;

  public Hello {
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(nodeKey, "nodeKey");
    Objects.requireNonNull(signature, "signature");
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("listen port out of range: " + listenPort);
    }
  }
}
