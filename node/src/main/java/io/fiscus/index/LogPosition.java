package io.fiscus.index;

import java.nio.ByteBuffer;

/**
 * Where an event sits in the chain: block, transaction index in the block, log index in the
 * transaction. Its 16-byte big-endian form sorts in chain order.
 */
record LogPosition(long blockNumber, int transactionIndex, int logIndex) {
  static final int SIZE = Long.BYTES + 2 * Integer.BYTES;

  LogPosition {
    if (blockNumber < 0 || transactionIndex < 0 || logIndex < 0) {
      throw new IllegalArgumentException("a log position is never negative");
    }
  }

  byte[] toKey() {
    return ByteBuffer.allocate(SIZE)
        .putLong(blockNumber)
        .putInt(transactionIndex)
        .putInt(logIndex)
        .array();
  }

  static LogPosition read(ByteBuffer buffer) {
    return new LogPosition(buffer.getLong(), buffer.getInt(), buffer.getInt());
  }
}
