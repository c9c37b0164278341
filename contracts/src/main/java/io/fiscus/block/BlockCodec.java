package io.fiscus.block;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Full block RLP as Ethereum writes it: {@code [header, [transactions], []]} (QBFT has no ommers,
 * and the London-style body has no withdrawals). In the transaction list a typed transaction is the
 * RLP string of its envelope bytes and a legacy transaction is its own RLP list, inserted as is.
 */
public final class BlockCodec {
  private BlockCodec() {}

  /**
   * Encodes {@code block}.
   *
   * @throws IllegalArgumentException if a transaction is neither a typed envelope (first byte
   *     0x00–0x7f) nor exactly one RLP list
   */
  public static Bytes encode(Block block) {
    List<byte[]> transactions = new ArrayList<>(block.transactions().size());
    for (int index = 0; index < block.transactions().size(); index++) {
      transactions.add(encodeTransaction(block.transactions().get(index), index));
    }
    return Bytes.wrap(
        Rlp.list(
            BlockHeaderCodec.encode(block.header()).unsafeArray(),
            Rlp.list(transactions),
            Rlp.emptyList()));
  }

  /** Decodes one block filling {@code encoded}; fails with a {@link BlockCodecException}. */
  public static Block decode(Bytes encoded) {
    return Decoding.whole(encoded, "block", BlockCodec::read);
  }

  private static byte[] encodeTransaction(Bytes transaction, int index) {
    if (transaction.isEmpty()) {
      throw new IllegalArgumentException("transaction " + index + " is empty");
    }
    int first = transaction.get(0) & 0xff;
    if (first < 0x80) {
      return Rlp.string(transaction);
    }
    if (first >= 0xc0 && isOneList(transaction)) {
      return transaction.unsafeArray();
    }
    throw new IllegalArgumentException(
        "transaction " + index + " is neither a typed envelope nor one RLP list");
  }

  private static boolean isOneList(Bytes transaction) {
    try {
      RlpReader reader = RlpReader.of(transaction);
      reader.enterList();
      return !reader.hasNext();
    } catch (RlpException e) {
      return false;
    }
  }

  private static Block read(RlpReader reader) {
    RlpReader fields = Decoding.fields(reader, 3, "block");
    BlockHeader header = BlockHeaderCodec.decode(Bytes.wrap(fields.readRaw()));
    List<Bytes> transactions = new ArrayList<>();
    RlpReader transactionList = fields.enterList();
    while (transactionList.hasNext()) {
      transactions.add(readTransaction(transactionList, transactions.size()));
    }
    if (!fields.nextIsList() || fields.enterList().hasNext()) {
      throw new BlockCodecException(Reason.NON_EMPTY_OMMERS, "ommers must be the empty list");
    }
    return new Block(header, transactions);
  }

  private static Bytes readTransaction(RlpReader transactionList, int index) {
    if (transactionList.nextIsList()) {
      return Bytes.wrap(transactionList.readRaw());
    }
    byte[] envelope = transactionList.readBytes();
    if (envelope.length == 0 || (envelope[0] & 0xff) >= 0x80) {
      throw new BlockCodecException(
          Reason.BAD_TRANSACTION,
          "transaction " + index + " is a string that is not a typed envelope");
    }
    return Bytes.wrap(envelope);
  }
}
