package io.fiscus.block;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.crypto.Signature;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Besu's QBFT extraData encoding: {@code RLP[vanity, [validators], vote, round, [seals]]}. An
 * absent vote is the empty list {@code 0xc0}; a vote is {@code [recipient, 0xFF]} to add or {@code
 * [recipient, ""]} to drop; the round is an RLP scalar (round 0 is {@code 0x80}); seals are 65-byte
 * strings. Decoding accepts exactly this shape and nothing looser.
 */
public final class QbftExtraDataCodec {
  private static final byte ADD_FLAG = (byte) 0xff;

  private QbftExtraDataCodec() {}

  public static Bytes encode(QbftExtraData extraData) {
    List<byte[]> validators = new ArrayList<>(extraData.validators().size());
    for (Address validator : extraData.validators()) {
      validators.add(Rlp.string(validator.bytes()));
    }
    List<byte[]> seals = new ArrayList<>(extraData.commitSeals().size());
    for (Signature seal : extraData.commitSeals()) {
      seals.add(Rlp.string(seal.encode()));
    }
    return Bytes.wrap(
        Rlp.list(
            Rlp.string(extraData.vanity()),
            Rlp.list(validators),
            encodeVote(extraData.vote()),
            Rlp.uint(extraData.round()),
            Rlp.list(seals)));
  }

  /** Decodes QBFT extraData; fails with a {@link BlockCodecException} on any other shape. */
  public static QbftExtraData decode(Bytes extraData) {
    return Decoding.whole(extraData, "QBFT extraData", QbftExtraDataCodec::read);
  }

  private static byte[] encodeVote(Optional<Vote> vote) {
    if (vote.isEmpty()) {
      return Rlp.emptyList();
    }
    byte[] flag = vote.get().add() ? Rlp.string(new byte[] {ADD_FLAG}) : Rlp.emptyString();
    return Rlp.list(Rlp.string(vote.get().recipient().bytes()), flag);
  }

  private static QbftExtraData read(RlpReader reader) {
    RlpReader fields = Decoding.fields(reader, 5, "QBFT extraData");
    Bytes vanity = fields.readValue();
    if (vanity.size() != QbftExtraData.VANITY_SIZE) {
      throw new BlockCodecException(
          Reason.BAD_VANITY, "vanity must be 32 bytes, got " + vanity.size());
    }
    List<Address> validators = new ArrayList<>();
    RlpReader validatorList = fields.enterList();
    while (validatorList.hasNext()) {
      validators.add(Decoding.address(validatorList, "validator"));
    }
    Optional<Vote> vote = readVote(fields);
    int round = fields.readInt();
    List<Signature> seals = new ArrayList<>();
    RlpReader sealList = fields.enterList();
    while (sealList.hasNext()) {
      seals.add(readSeal(sealList, seals.size()));
    }
    return new QbftExtraData(vanity, validators, vote, round, seals);
  }

  private static Optional<Vote> readVote(RlpReader fields) {
    if (!fields.nextIsList()) {
      throw new BlockCodecException(Reason.BAD_VOTE, "vote must be a list");
    }
    RlpReader vote = fields.enterList();
    if (!vote.hasNext()) {
      return Optional.empty();
    }
    Address recipient = Decoding.address(vote, "vote recipient");
    if (!vote.hasNext() || vote.nextIsList()) {
      throw new BlockCodecException(Reason.BAD_VOTE, "vote needs an add/drop flag string");
    }
    byte[] flag = vote.readBytes();
    if (vote.hasNext()) {
      throw new BlockCodecException(Reason.BAD_VOTE, "vote has more than two items");
    }
    if (flag.length == 0) {
      return Optional.of(Vote.toDrop(recipient));
    }
    if (flag.length == 1 && flag[0] == ADD_FLAG) {
      return Optional.of(Vote.toAdd(recipient));
    }
    throw new BlockCodecException(
        Reason.BAD_VOTE, "vote flag must be 0xff or empty, got " + Bytes.wrap(flag).toHex());
  }

  private static Signature readSeal(RlpReader seals, int index) {
    byte[] raw = seals.readBytes();
    if (raw.length != Signature.SIZE) {
      throw new BlockCodecException(
          Reason.BAD_SEAL, "seal " + index + " must be 65 bytes, got " + raw.length);
    }
    try {
      return Signature.decode(Bytes.wrap(raw));
    } catch (IllegalArgumentException e) {
      throw new BlockCodecException(Reason.BAD_SEAL, "seal " + index + ": " + e.getMessage());
    }
  }
}
