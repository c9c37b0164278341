package io.fiscus.p2p;

import java.util.Locale;

/**
 * Why a connection was refused or closed before or at the hello. Stable: the lower-case name is the
 * {@code reason} label of {@code fiscus_p2p_refused_total}.
 */
public enum RefusalReason {
  /** The hello bytes do not decode. */
  MALFORMED_HELLO,
  /** The signature does not recover the claimed node key on this session (forged or replayed). */
  BAD_SIGNATURE,
  WRONG_CHAIN_ID,
  WRONG_GENESIS,
  WRONG_PROTOCOL_VERSION,
  /** The peer is this node (it dialed itself through a bootnode list). */
  SELF,
  /** We dialed an enode and another key answered. */
  UNEXPECTED_PEER,
  /** Neither a current validator nor in the permissions file. */
  NOT_ALLOWLISTED,
  /** The peer's node key is banned for misbehaving. */
  BANNED,
  /** The remote address is banned for sending garbage before a hello. */
  BANNED_ADDRESS,
  /** A connection to this peer exists and wins the tie-break. */
  DUPLICATE,
  /** The peer bound is reached. */
  TOO_MANY_PEERS,
  /** Too many connections are between accept and hello. */
  TOO_MANY_PENDING,
  /** TLS failed (not TLS, wrong version, bad certificate). */
  TLS_FAILED,
  /** The challenge and hello did not arrive in time. */
  HANDSHAKE_TIMEOUT,
  /** Something other than a challenge then a hello arrived before the peer was accepted. */
  PROTOCOL_VIOLATION,
  /** A connected peer left the allowlist (a validator voted out, a file entry removed). */
  NO_LONGER_ALLOWLISTED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
