package io.fiscus.p2p;

import java.util.Locale;

/**
 * Why a peer was disconnected and banned. Stable: the lower-case name is the {@code reason} label
 * of {@code fiscus_p2p_bans_total}.
 */
public enum BanReason {
  /** A synced block failed the checks: seals, header rules, parent, or re-execution. */
  INVALID_BLOCK,
  /** Blocks that were not asked for: more than requested, or out of sequence. */
  UNASKED_BLOCKS,
  /** A message payload that does not decode or breaks its bounds. */
  MALFORMED_MESSAGE,
  /** A signed hello for another chain id or genesis. */
  WRONG_CHAIN,
  /** A frame above the frame limit. */
  OVERSIZE_FRAME,
  /** A frame that breaks the framing (empty). */
  MALFORMED_FRAME,
  /** A frame of a type no version of the protocol has. */
  UNKNOWN_TYPE,
  /** More frames than the inbound rate allows. */
  FLOOD,
  /** Not the protocol before the hello: not TLS, or not a challenge then a hello (by address). */
  GARBAGE_BEFORE_HELLO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
