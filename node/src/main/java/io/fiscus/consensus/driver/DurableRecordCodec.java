package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.Decoded;
import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.MessageKind;
import io.fiscus.consensus.qbft.Payload;
import io.fiscus.consensus.qbft.PreparedCertificate;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockCodec;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.Signed;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk form of the core's {@link DurableRecord}s, RLP:
 *
 * <ul>
 *   <li>a sent message: {@code [0, code, message]}, the message exactly as it went on the wire;
 *   <li>a prepared certificate: {@code [1, round, block, [prepare, ...]]}, the block in its wire
 *       form and each prepare as a wire Prepare message.
 * </ul>
 *
 * Decoding re-checks every signature, so a record whose author cannot be recovered is corrupt.
 */
public final class DurableRecordCodec {
  private static final int SENT_MESSAGE = 0;
  private static final int PREPARED = 1;

  private final QbftMessageCodec messageCodec;
  private final QbftBlockCodec blockCodec;

  public DurableRecordCodec(QbftMessageCodec messageCodec, QbftBlockCodec blockCodec) {
    this.messageCodec = messageCodec;
    this.blockCodec = blockCodec;
  }

  public Bytes encode(DurableRecord record) {
    byte[] encoded =
        switch (record) {
          case DurableRecord.SentMessage sent -> {
            WireMessage wire = messageCodec.encode(sent.message());
            yield Rlp.list(Rlp.uint(SENT_MESSAGE), Rlp.uint(wire.code()), wire.data().toArray());
          }
          case DurableRecord.Prepared prepared -> encodePrepared(prepared.certificate());
        };
    return Bytes.wrap(encoded);
  }

  private byte[] encodePrepared(PreparedCertificate certificate) {
    List<byte[]> prepares = new ArrayList<>(certificate.prepares().size());
    for (Signed<Payload.Prepare> prepare : certificate.prepares()) {
      prepares.add(messageCodec.encode(new QbftMessage.Prepare(prepare)).data().toArray());
    }
    return Rlp.list(
        Rlp.uint(PREPARED),
        Rlp.uint(certificate.round()),
        blockCodec.encode(certificate.block()).toArray(),
        Rlp.list(prepares));
  }

  /**
   * Decodes a stored record, recovering every signature's author.
   *
   * @throws CorruptConsensusRecordException if {@code encoded} is not a record this codec wrote
   */
  public DurableRecord decode(Bytes encoded) {
    try {
      RlpReader reader = RlpReader.of(encoded);
      RlpReader fields = reader.enterList();
      int kind = fields.readInt();
      DurableRecord record =
          switch (kind) {
            case SENT_MESSAGE -> {
              int code = fields.readInt();
              yield new DurableRecord.SentMessage(
                  message(new WireMessage(code, Bytes.wrap(fields.readRaw()))));
            }
            case PREPARED -> decodePrepared(fields);
            default -> throw new CorruptConsensusRecordException("unknown record kind " + kind);
          };
      fields.requireEnd();
      reader.requireEnd();
      return record;
    } catch (RlpException | IllegalArgumentException e) {
      throw new CorruptConsensusRecordException(String.valueOf(e.getMessage()));
    }
  }

  private DurableRecord.Prepared decodePrepared(RlpReader fields) {
    int round = fields.readInt();
    QbftBlock block = blockCodec.decode(Bytes.wrap(fields.readRaw()));
    RlpReader list = fields.enterList();
    List<Signed<Payload.Prepare>> prepares = new ArrayList<>();
    while (list.hasNext()) {
      WireMessage wire = new WireMessage(MessageKind.PREPARE.code(), Bytes.wrap(list.readRaw()));
      if (!(message(wire) instanceof QbftMessage.Prepare prepare)) {
        throw new CorruptConsensusRecordException("a certificate holds a non-prepare");
      }
      prepares.add(prepare.signed());
    }
    return new DurableRecord.Prepared(new PreparedCertificate(block, round, prepares));
  }

  private QbftMessage message(WireMessage wire) {
    return switch (messageCodec.decode(wire)) {
      case Decoded.Ok ok -> ok.message();
      case Decoded.Rejected rejected ->
          throw new CorruptConsensusRecordException(
              "stored message rejected: " + rejected.reason() + " " + rejected.detail());
    };
  }

  /** A stored consensus record that cannot be read back: disk corruption or a bug. */
  public static final class CorruptConsensusRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptConsensusRecordException(String message) {
      super(message);
    }
  }
}
