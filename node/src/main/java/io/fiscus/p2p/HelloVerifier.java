package io.fiscus.p2p;

import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a connection may stay, from the peer's hello and a view of the current
 * connections. Pure: no I/O, clock or logging; the transport acts on the verdict.
 *
 * <p>Order: decode, signature (it must recover the claimed key over this session's binding), chain
 * id, genesis, version, not ourselves, the dialed key, penalty, allowlist, duplicates, peer bound.
 * At most one connection per peer: when both nodes dialed each other, the connection dialed by the
 * node with the smaller {@link PeerId} wins, which both sides compute alike; two connections dialed
 * by the same side resolve to the newer one (the older is likely half-open after a restart).
 */
public final class HelloVerifier {

  /** What the verifier needs to know about the transport's connections. */
  public interface Connections {
    boolean isBanned(PeerId peer);

    /** Whether a connection to {@code peer} exists and was dialed by us; empty if none exists. */
    Optional<Boolean> existingDialedByUs(PeerId peer);

    int connectedCount();
  }

  private final long chainId;
  private final Hash genesisHash;
  private final PeerId self;
  private final Allowlist allowlist;
  private final int peersMax;
  private final SignatureRecovery recovery;

  public HelloVerifier(
      long chainId,
      Hash genesisHash,
      PeerId self,
      Allowlist allowlist,
      int peersMax,
      SignatureRecovery recovery) {
    this.chainId = chainId;
    this.genesisHash = Objects.requireNonNull(genesisHash, "genesisHash");
    this.self = Objects.requireNonNull(self, "self");
    this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
    this.peersMax = peersMax;
    this.recovery = Objects.requireNonNull(recovery, "recovery");
  }

  /**
   * Checks {@code encodedHello} received on a session whose binding, from the peer's side as
   * signer, is {@code binding}. {@code dialed} is the enode's key when we dialed this connection,
   * empty when the peer dialed us.
   */
  public HelloVerdict verify(
      Bytes encodedHello, SessionBinding binding, Optional<PeerId> dialed, Connections state) {
    Hello hello;
    try {
      hello = HelloCodec.decode(encodedHello);
    } catch (HelloFormatException e) {
      return refused(RefusalReason.MALFORMED_HELLO, e.getMessage());
    }
    PeerId peer = hello.nodeKey();
    if (!hello.signature().isLowS()
        || !recovery
            .recoverPublicKey(HelloCodec.signingHash(hello, binding), hello.signature())
            .map(peer.publicKey()::equals)
            .orElse(false)) {
      return refused(RefusalReason.BAD_SIGNATURE, "signature does not recover " + peer);
    }
    if (hello.chainId() != chainId) {
      return new HelloVerdict.Refused(
          RefusalReason.WRONG_CHAIN_ID,
          peer + " is on chain " + hello.chainId(),
          Optional.of(peer));
    }
    if (!hello.genesisHash().equals(genesisHash)) {
      return new HelloVerdict.Refused(
          RefusalReason.WRONG_GENESIS,
          peer + " has genesis " + hello.genesisHash(),
          Optional.of(peer));
    }
    if (hello.protocolVersion() != Hello.PROTOCOL_VERSION) {
      return refused(
          RefusalReason.WRONG_PROTOCOL_VERSION,
          peer + " speaks version " + hello.protocolVersion());
    }
    if (peer.equals(self)) {
      return refused(RefusalReason.SELF, "connected to ourselves");
    }
    if (dialed.isPresent() && !dialed.get().equals(peer)) {
      return refused(RefusalReason.UNEXPECTED_PEER, "dialed " + dialed.get() + ", got " + peer);
    }
    if (state.isBanned(peer)) {
      return refused(RefusalReason.BANNED, peer + " is banned");
    }
    if (!allowlist.isAllowed(peer)) {
      return refused(RefusalReason.NOT_ALLOWLISTED, peer + " (" + peer.address() + ")");
    }
    return admit(peer, hello, dialed.isPresent(), state);
  }

  private HelloVerdict admit(PeerId peer, Hello hello, boolean dialedByUs, Connections state) {
    Optional<Boolean> existing = state.existingDialedByUs(peer);
    if (existing.isEmpty()) {
      if (state.connectedCount() >= peersMax) {
        return refused(RefusalReason.TOO_MANY_PEERS, "already " + state.connectedCount());
      }
      return new HelloVerdict.Accepted(peer, hello, false);
    }
    boolean winnerDialedByUs = self.compareTo(peer) < 0;
    boolean thisWins = dialedByUs == winnerDialedByUs;
    boolean existingWins = existing.get() == winnerDialedByUs;
    if (existingWins && !thisWins) {
      return refused(RefusalReason.DUPLICATE, "already connected to " + peer);
    }
    return new HelloVerdict.Accepted(peer, hello, true);
  }

  private static HelloVerdict refused(RefusalReason reason, String detail) {
    return new HelloVerdict.Refused(reason, detail);
  }
}
