package io.fiscus.p2p.netty;

/** Raised by the frame decoder so the session handler can ban the peer. */
final class FrameViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final FrameViolation violation;

  FrameViolationException(FrameViolation violation, String detail) {
    super(detail, null, false, false);
    this.violation = violation;
  }

  FrameViolation violation() {
    return violation;
  }
}
