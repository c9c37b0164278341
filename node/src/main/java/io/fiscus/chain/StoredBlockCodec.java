package io.fiscus.chain;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.ReceiptCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain store's value encodings, besides the header (which is {@code BlockHeaderCodec} RLP):
 *
 * <ul>
 *   <li>block number keys and values: 8 bytes big-endian, so keys sort numerically;
 *   <li>body: {@code RLP[1, [[sender, rawTransaction], …]]}, the sender recovered at commit so that
 *       reads need no signature recovery; the leading 1 is the format version;
 *   <li>receipts: {@code RLP[outcome, …]} of {@link ReceiptCodec#encodeForStorage} items;
 *   <li>transaction location: block number (8 bytes BE) ‖ index in block (4 bytes BE).
 * </ul>
 *
 * The store is trusted: a value that does not decode is corruption, an {@link
 * IllegalStateException}.
 */
final class StoredBlockCodec {
  private static final int BODY_VERSION = 1;
  private static final int LOCATION_SIZE = Long.BYTES + Integer.BYTES;

  /** A stored transaction: its raw bytes and the sender recovered when it was committed. */
  record StoredTransaction(Address sender, Bytes raw) {}

  private StoredBlockCodec() {}

  static byte[] number(long number) {
    return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
  }

  static long number(byte[] encoded) {
    if (encoded.length != Long.BYTES) {
      throw new IllegalStateException("corrupt block number: " + encoded.length + " bytes");
    }
    return ByteBuffer.wrap(encoded).getLong();
  }

  static byte[] location(long number, int index) {
    return ByteBuffer.allocate(LOCATION_SIZE).putLong(number).putInt(index).array();
  }

  /** The location value decoded as {@code (number, index)}, with {@code blockHash} supplied. */
  static TransactionLocation location(byte[] encoded, Hash blockHash) {
    if (encoded.length != LOCATION_SIZE) {
      throw new IllegalStateException("corrupt transaction location: " + encoded.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    return new TransactionLocation(blockHash, buffer.getLong(), buffer.getInt());
  }

  static long locationNumber(byte[] encoded) {
    if (encoded.length != LOCATION_SIZE) {
      throw new IllegalStateException("corrupt transaction location: " + encoded.length + " bytes");
    }
    return ByteBuffer.wrap(encoded).getLong();
  }

  static byte[] body(List<SignedTransaction> transactions) {
    List<byte[]> items = new ArrayList<>(transactions.size());
    for (SignedTransaction transaction : transactions) {
      items.add(Rlp.list(Rlp.string(transaction.sender().bytes()), Rlp.string(transaction.raw())));
    }
    return Rlp.list(Rlp.uint(BODY_VERSION), Rlp.list(items));
  }

  static List<StoredTransaction> body(byte[] encoded, long number) {
    try {
      RlpReader top = RlpReader.of(encoded);
      RlpReader fields = top.enterList();
      top.requireEnd();
      long version = fields.readLong();
      if (version != BODY_VERSION) {
        throw new IllegalStateException("block " + number + " body has version " + version);
      }
      RlpReader list = fields.enterList();
      fields.requireEnd();
      List<StoredTransaction> transactions = new ArrayList<>();
      while (list.hasNext()) {
        RlpReader item = list.enterList();
        Address sender = item.readAddress();
        Bytes raw = item.readValue();
        item.requireEnd();
        transactions.add(new StoredTransaction(sender, raw));
      }
      return transactions;
    } catch (RlpException e) {
      throw new IllegalStateException("corrupt body of block " + number, e);
    }
  }

  static byte[] outcomes(List<TransactionOutcome> outcomes) {
    List<byte[]> items = new ArrayList<>(outcomes.size());
    for (TransactionOutcome outcome : outcomes) {
      items.add(ReceiptCodec.encodeForStorage(outcome).unsafeArray());
    }
    return Rlp.list(items);
  }

  static List<TransactionOutcome> outcomes(byte[] encoded, long number) {
    try {
      RlpReader top = RlpReader.of(encoded);
      RlpReader list = top.enterList();
      top.requireEnd();
      List<TransactionOutcome> outcomes = new ArrayList<>();
      while (list.hasNext()) {
        outcomes.add(ReceiptCodec.decodeFromStorage(Bytes.wrap(list.readRaw())));
      }
      return outcomes;
    } catch (RlpException | BlockCodecException e) {
      throw new IllegalStateException("corrupt receipts of block " + number, e);
    }
  }
}
