package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.block.BlockCodec;
import io.fiscus.block.BlockCodecException;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.p2p.MessageType;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * RLP payloads of the {@link MessageType}s, strict: non-canonical RLP, trailing bytes, a list
 * beyond its bound or a block that does not decode make the whole payload {@link
 * NetworkDecoding.Malformed}. Decoding never throws.
 *
 * <ul>
 *   <li>STATUS, NEW_BLOCK: {@code [number, hash]}
 *   <li>TRANSACTIONS: {@code [raw, …]}, each raw transaction an RLP string, at most {@link
 *       #TRANSACTIONS_MAX} of at most {@link #TRANSACTION_BYTES_MAX} bytes
 *   <li>QBFT: {@code [code, data]}
 *   <li>GET_BLOCKS: {@code [requestId, fromNumber, count]}, count 1..{@link #BLOCKS_MAX}
 *   <li>BLOCKS: {@code [requestId, [block, …]]}, each block its {@link BlockCodec} list, at most
 *       {@link #BLOCKS_MAX}
 * </ul>
 */
public final class NetworkCodec {
  /** The most transactions in one TRANSACTIONS message. */
  public static final int TRANSACTIONS_MAX = 1024;

  /** The largest raw transaction gossiped (the pool's own bound is smaller). */
  public static final int TRANSACTION_BYTES_MAX = 128 * 1024;

  /** The most blocks asked for or served in one exchange. */
  public static final int BLOCKS_MAX = 128;

  private NetworkCodec() {}

  public static Bytes encode(NetworkMessage message) {
    byte[] encoded =
        switch (message) {
          case NetworkMessage.Status status -> head(status.number(), status.hash());
          case NetworkMessage.NewBlock newBlock -> head(newBlock.number(), newBlock.hash());
          case NetworkMessage.Transactions transactions -> {
            List<byte[]> items = new ArrayList<>(transactions.raw().size());
            transactions.raw().forEach(raw -> items.add(Rlp.string(raw)));
            yield Rlp.list(items);
          }
          case NetworkMessage.Qbft qbft ->
              Rlp.list(Rlp.uint(qbft.message().code()), Rlp.string(qbft.message().data()));
          case NetworkMessage.GetBlocks get ->
              Rlp.list(
                  Rlp.uint(get.requestId()), Rlp.uint(get.fromNumber()), Rlp.uint(get.count()));
          case NetworkMessage.Blocks blocks -> {
            List<byte[]> items = new ArrayList<>(blocks.blocks().size());
            blocks.blocks().forEach(block -> items.add(BlockCodec.encode(block).unsafeArray()));
            yield Rlp.list(Rlp.uint(blocks.requestId()), Rlp.list(items));
          }
        };
    return Bytes.wrap(encoded);
  }

  public static NetworkDecoding decode(MessageType type, Bytes payload) {
    try {
      RlpReader outer = RlpReader.of(payload);
      RlpReader fields = outer.enterList();
      outer.requireEnd();
      NetworkMessage message =
          switch (type) {
            case STATUS -> new NetworkMessage.Status(fields.readLong(), fields.readHash());
            case NEW_BLOCK -> new NetworkMessage.NewBlock(fields.readLong(), fields.readHash());
            case TRANSACTIONS -> readTransactions(fields);
            case QBFT ->
                new NetworkMessage.Qbft(new WireMessage(fields.readInt(), readValue(fields)));
            case GET_BLOCKS -> readGetBlocks(fields);
            case BLOCKS -> readBlocks(fields);
          };
      fields.requireEnd();
      return new NetworkDecoding.Decoded(message);
    } catch (RlpException | BlockCodecException | MalformedPayload e) {
      return new NetworkDecoding.Malformed(type + ": " + e.getMessage());
    }
  }

  private static byte[] head(long number, Hash hash) {
    return Rlp.list(Rlp.uint(number), Rlp.string(hash.bytes()));
  }

  private static Bytes readValue(RlpReader reader) {
    return Bytes.wrap(reader.readBytes());
  }

  private static NetworkMessage.Transactions readTransactions(RlpReader fields) {
    List<Bytes> raw = new ArrayList<>();
    while (fields.hasNext()) {
      if (raw.size() == TRANSACTIONS_MAX) {
        throw new MalformedPayload("more than " + TRANSACTIONS_MAX + " transactions");
      }
      byte[] transaction = fields.readBytes();
      if (transaction.length == 0 || transaction.length > TRANSACTION_BYTES_MAX) {
        throw new MalformedPayload("transaction of " + transaction.length + " bytes");
      }
      raw.add(Bytes.wrap(transaction));
    }
    return new NetworkMessage.Transactions(raw);
  }

  private static NetworkMessage.GetBlocks readGetBlocks(RlpReader fields) {
    long requestId = fields.readLong();
    long from = fields.readLong();
    long count = fields.readLong();
    if (count < 1 || count > BLOCKS_MAX) {
      throw new MalformedPayload("asks for " + count + " blocks");
    }
    return new NetworkMessage.GetBlocks(requestId, from, (int) count);
  }

  private static NetworkMessage.Blocks readBlocks(RlpReader fields) {
    long requestId = fields.readLong();
    RlpReader items = fields.enterList();
    List<Block> blocks = new ArrayList<>();
    while (items.hasNext()) {
      if (blocks.size() == BLOCKS_MAX) {
        throw new MalformedPayload("more than " + BLOCKS_MAX + " blocks");
      }
      blocks.add(BlockCodec.decode(Bytes.wrap(items.readRaw())));
    }
    return new NetworkMessage.Blocks(requestId, blocks);
  }

  /** A well-formed RLP payload outside the message's bounds. */
  private static final class MalformedPayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPayload(String message) {
      super(message, null, false, false);
    }
  }
}
