package io.fiscus.tx;

/** The outcome of decoding or admitting raw transaction bytes: never an exception. */
public sealed interface TransactionDecoding
    permits TransactionDecoding.Decoded, TransactionDecoding.Rejected {

  /** The bytes are a well-formed signed transaction whose sender was recovered. */
  record Decoded(SignedTransaction transaction) implements TransactionDecoding {}

  /** The bytes were refused; {@code detail} is for humans, {@code reason} for code. */
  record Rejected(TransactionRejection reason, String detail) implements TransactionDecoding {}
}
