package io.fiscus.p2p.netty;

import io.fiscus.p2p.BanReason;

/** Ways a peer can break the framing; each disconnects and bans it. */
enum FrameViolation {
  OVERSIZE_FRAME(BanReason.OVERSIZE_FRAME),
  MALFORMED_FRAME(BanReason.MALFORMED_FRAME),
  UNKNOWN_TYPE(BanReason.UNKNOWN_TYPE),
  FLOOD(BanReason.FLOOD);

  private final BanReason banReason;

  FrameViolation(BanReason banReason) {
    this.banReason = banReason;
  }

  BanReason banReason() {
    return banReason;
  }
}
