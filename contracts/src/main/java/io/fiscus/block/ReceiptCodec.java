package io.fiscus.block;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipt encodings.
 *
 * <p>Consensus encoding (the receipts-trie value), as Ethereum: {@code RLP[status,
 * cumulativeGasUsed, bloom, [logs]]} with status 1 as {@code 0x01} and 0 as the empty string, a log
 * as {@code [address, [topics], data]}, and a typed receipt prefixed by its type byte ({@code 0x02
 * ‖ rlp}).
 *
 * <p>Storage encoding (what the node keeps and serves): {@code RLP[1, consensusEncoding, gasUsed,
 * [] | [revertReason utf-8]]}; the leading 1 is the format version.
 */
public final class ReceiptCodec {
  private static final int STORAGE_VERSION = 1;

  private ReceiptCodec() {}

  public static Bytes encode(Receipt receipt) {
    List<byte[]> logs = new ArrayList<>(receipt.logs().size());
    for (Log log : receipt.logs()) {
      logs.add(encodeLog(log));
    }
    byte[] body =
        Rlp.list(
            receipt.success() ? Rlp.uint(1) : Rlp.emptyString(),
            Rlp.uint(receipt.cumulativeGasUsed()),
            Rlp.string(receipt.logsBloom().bytes()),
            Rlp.list(logs));
    if (receipt.type() == Receipt.LEGACY_TYPE) {
      return Bytes.wrap(body);
    }
    return Bytes.of((byte) receipt.type()).concat(Bytes.wrap(body));
  }

  /** Decodes the consensus encoding; fails with a {@link BlockCodecException}. */
  public static Receipt decode(Bytes encoded) {
    if (encoded.isEmpty()) {
      throw new BlockCodecException(Reason.MALFORMED_RLP, "receipt: empty input");
    }
    int first = encoded.get(0) & 0xff;
    if (first >= 0xc0) {
      return Decoding.whole(encoded, "receipt", reader -> read(reader, Receipt.LEGACY_TYPE));
    }
    if (first != Receipt.EIP1559_TYPE) {
      throw new BlockCodecException(
          Reason.UNSUPPORTED_TYPE, "receipt type 0x" + Integer.toHexString(first));
    }
    return Decoding.whole(
        encoded.slice(1, encoded.size()), "receipt", reader -> read(reader, first));
  }

  public static Bytes encodeForStorage(TransactionOutcome outcome) {
    byte[] reason =
        outcome
            .revertReason()
            .map(text -> Rlp.list(Rlp.string(text.getBytes(StandardCharsets.UTF_8))))
            .orElse(Rlp.emptyList());
    return Bytes.wrap(
        Rlp.list(
            Rlp.uint(STORAGE_VERSION),
            Rlp.string(encode(outcome.receipt())),
            Rlp.uint(outcome.gasUsed()),
            reason));
  }

  /** Decodes the storage encoding; fails with a {@link BlockCodecException}. */
  public static TransactionOutcome decodeFromStorage(Bytes encoded) {
    return Decoding.whole(encoded, "stored receipt", ReceiptCodec::readStored);
  }

  static byte[] encodeLog(Log log) {
    List<byte[]> topics = new ArrayList<>(log.topics().size());
    for (Hash topic : log.topics()) {
      topics.add(Rlp.string(topic.bytes()));
    }
    return Rlp.list(Rlp.string(log.address().bytes()), Rlp.list(topics), Rlp.string(log.data()));
  }

  private static Receipt read(RlpReader reader, int type) {
    RlpReader fields = Decoding.fields(reader, 4, "receipt");
    boolean success = readStatus(fields);
    long cumulativeGasUsed = fields.readLong();
    LogsBloom bloom = new LogsBloom(Decoding.fixed(fields, LogsBloom.SIZE, "logsBloom"));
    List<Log> logs = new ArrayList<>();
    RlpReader logList = fields.enterList();
    while (logList.hasNext()) {
      logs.add(readLog(logList));
    }
    return new Receipt(type, success, cumulativeGasUsed, bloom, logs);
  }

  private static boolean readStatus(RlpReader fields) {
    if (fields.nextIsList()) {
      throw new BlockCodecException(Reason.BAD_STATUS, "status must be a string");
    }
    byte[] status = fields.readBytes();
    if (status.length == 0) {
      return false;
    }
    if (status.length == 1 && status[0] == 1) {
      return true;
    }
    throw new BlockCodecException(
        Reason.BAD_STATUS, "status must be 0x01 or empty, got " + Bytes.wrap(status).toHex());
  }

  private static Log readLog(RlpReader logList) {
    RlpReader fields = Decoding.fields(logList, 3, "log");
    Address address = Decoding.address(fields, "log address");
    List<Hash> topics = new ArrayList<>();
    RlpReader topicList = fields.enterList();
    while (topicList.hasNext()) {
      topics.add(Decoding.hash(topicList, "topic"));
    }
    if (topics.size() > 4) {
      throw new BlockCodecException(
          Reason.WRONG_FIELD_COUNT, "a log has at most 4 topics, got " + topics.size());
    }
    return new Log(address, topics, fields.readValue());
  }

  private static TransactionOutcome readStored(RlpReader reader) {
    RlpReader fields = Decoding.fields(reader, 4, "stored receipt");
    long version = fields.readLong();
    if (version != STORAGE_VERSION) {
      throw new BlockCodecException(
          Reason.UNSUPPORTED_STORAGE_VERSION, "stored receipt version " + version);
    }
    Receipt receipt = decode(fields.readValue());
    long gasUsed = fields.readLong();
    RlpReader reasonList = fields.enterList();
    Optional<String> reason = Optional.empty();
    if (reasonList.hasNext()) {
      reason = Optional.of(utf8(reasonList.readBytes()));
      reasonList.requireEnd();
    }
    return new TransactionOutcome(receipt, gasUsed, reason);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BlockCodecException(Reason.BAD_REVERT_REASON, "revert reason is not UTF-8");
    }
  }
}
