package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.p2p.MessageType;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Objects;

/** The node's protocol messages, one per {@link MessageType}; {@link NetworkCodec} encodes them. */
public sealed interface NetworkMessage {
  MessageType type();

  /** The sender's chain head. */
  record Status(long number, Hash hash) implements NetworkMessage {
    @Override
    public MessageType type() {
      return MessageType.STATUS;
    }
  }

  /** Signed raw transactions to gossip. */
  record Transactions(List<Bytes> raw) implements NetworkMessage {
    public Transactions {
      raw = List.copyOf(raw);
    }

    @Override
    public MessageType type() {
      return MessageType.TRANSACTIONS;
    }
  }

  /** One QBFT message as the core reads and writes it. */
  record Qbft(WireMessage message) implements NetworkMessage {
    public Qbft {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public MessageType type() {
      return MessageType.QBFT;
    }
  }

  /** A block the sender has just committed. */
  record NewBlock(long number, Hash hash) implements NetworkMessage {
    @Override
    public MessageType type() {
      return MessageType.NEW_BLOCK;
    }
  }

  /** A request for {@code count} consecutive blocks from {@code fromNumber}. */
  record GetBlocks(long requestId, long fromNumber, int count) implements NetworkMessage {
    @Override
    public MessageType type() {
      return MessageType.GET_BLOCKS;
    }
  }

  /**
   * The answer to {@link GetBlocks}: sealed blocks from its {@code fromNumber} on, possibly fewer
   * than asked (the sender's chain ends, or the response's byte bound was reached).
   */
  record Blocks(long requestId, List<Block> blocks) implements NetworkMessage {
    public Blocks {
      blocks = List.copyOf(blocks);
    }

    @Override
    public MessageType type() {
      return MessageType.BLOCKS;
    }
  }
}
