package io.fiscus.consensus.qbft;

/** The result of decoding a {@link WireMessage}: a message with recovered author, or why not. */
public sealed interface Decoded permits Decoded.Ok, Decoded.Rejected {
  record Ok(QbftMessage message) implements Decoded {}

  record Rejected(Reason reason, String detail) implements Decoded {}
}
