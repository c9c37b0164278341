package io.fiscus.tx;

/**
 * Carries a rejection out of nested decoding helpers to {@link TransactionCodec#decode}, which
 * turns it into a {@link TransactionDecoding.Rejected}. It never leaves the package.
 */
final class RejectedInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TransactionRejection reason;

  RejectedInput(TransactionRejection reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  TransactionRejection reason() {
    return reason;
  }
}
