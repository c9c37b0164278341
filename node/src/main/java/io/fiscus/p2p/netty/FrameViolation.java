package io.fiscus.p2p.netty;

import java.util.Locale;

/** Ways a peer can break the framing; each disconnects and penalizes it. */
enum FrameViolation {
  OVERSIZE_FRAME,
  MALFORMED_FRAME,
  UNKNOWN_TYPE,
  FLOOD;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
