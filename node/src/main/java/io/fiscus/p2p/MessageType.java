package io.fiscus.p2p;

import java.util.Optional;

/**
 * The kinds of frames after the hello. The code is the frame's type byte; the payload is RLP whose
 * shape the consumer of each kind defines. Codes are stable: never reuse one.
 */
public enum MessageType {
  /** The sender's chain head: [number, hash]. Sent after the hello and on every new head. */
  STATUS(1),
  /** Signed raw transactions to gossip: [raw, raw, …]. */
  TRANSACTIONS(2),
  /** One QBFT message: [code, wire data], gossiped among validators. */
  QBFT(3),
  /** A newly committed block's announcement: [number, hash]. */
  NEW_BLOCK(4),
  /** A request for consecutive blocks: [requestId, fromNumber, count]. */
  GET_BLOCKS(5),
  /** The answer to GET_BLOCKS: [requestId, [sealed block RLP, …]]. */
  BLOCKS(6);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<MessageType> ofCode(int code) {
    for (MessageType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
