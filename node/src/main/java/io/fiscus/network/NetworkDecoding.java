package io.fiscus.network;

/** The outcome of decoding a frame's payload: a message, or why the payload is malformed. */
public sealed interface NetworkDecoding {
  record Decoded(NetworkMessage message) implements NetworkDecoding {}

  /** The payload breaks the message's format or bounds: the sender is banned. */
  record Malformed(String detail) implements NetworkDecoding {}
}
