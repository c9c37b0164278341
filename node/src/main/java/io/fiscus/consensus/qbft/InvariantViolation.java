package io.fiscus.consensus.qbft;

/** A broken invariant inside the core: a bug. The instance halts rather than sign anything. */
final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvariantViolation(String message) {
    super(message);
  }
}
