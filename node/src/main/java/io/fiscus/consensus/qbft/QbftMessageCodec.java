package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Besu's QBFT wire format (pre-26.1: no block-access-list slot) and signing. Every payload is
 * signed as {@code keccak256(RLP[code, payload])}; a signed payload is {@code RLP[payload,
 * signature(65)]}; the author is recovered from the signature and only low-s signatures are
 * accepted.
 */
public final class QbftMessageCodec {
  private final QbftBlockCodec blockCodec;
  private final SignatureRecovery recovery;

  public QbftMessageCodec(QbftBlockCodec blockCodec, SignatureRecovery recovery) {
    this.blockCodec = blockCodec;
    this.recovery = recovery;
  }

  /** The hash a payload's author signs. */
  public Hash signingHash(Payload payload) {
    return Keccak.hash(
        Bytes.wrap(Rlp.list(Rlp.uint(payload.kind().code()), encodePayload(payload))));
  }

  /** Signs {@code payload} with {@code key}. */
  public <P extends Payload> Signed<P> sign(P payload, NodeKey key) {
    return new Signed<>(payload, key.sign(signingHash(payload)), key.address());
  }

  public WireMessage encode(QbftMessage message) {
    byte[] data =
        switch (message) {
          case QbftMessage.Prepare prepare -> encodeSigned(prepare.signed());
          case QbftMessage.Commit commit -> encodeSigned(commit.signed());
          case QbftMessage.Proposal proposal ->
              Rlp.list(
                  encodeSigned(proposal.signed()),
                  Rlp.list(
                      encodeSignedList(proposal.roundChanges()),
                      encodeSignedList(proposal.prepares())));
          case QbftMessage.RoundChange roundChange ->
              Rlp.list(
                  encodeSigned(roundChange.signed()),
                  roundChange
                      .preparedBlock()
                      .map(block -> blockCodec.encode(block).toArray())
                      .orElse(Rlp.emptyList()),
                  encodeSignedList(roundChange.prepares()));
        };
    return new WireMessage(message.kind().code(), Bytes.wrap(data));
  }

  /** Decodes strictly; any malformed, unsigned or high-s input is rejected with a reason. */
  public Decoded decode(WireMessage wire) {
    try {
      RlpReader reader = RlpReader.of(wire.data());
      QbftMessage message = decodeMessage(wire.code(), reader);
      reader.requireEnd();
      return new Decoded.Ok(message);
    } catch (DecodeFailure failure) {
      return new Decoded.Rejected(failure.reason, failure.getMessage());
    } catch (RlpException | IllegalArgumentException e) {
      return new Decoded.Rejected(Reason.MALFORMED_MESSAGE, String.valueOf(e.getMessage()));
    }
  }

  private QbftMessage decodeMessage(int code, RlpReader reader) {
    if (code == MessageKind.PREPARE.code()) {
      return new QbftMessage.Prepare(
          decodeSigned(reader, MessageKind.PREPARE, Payload.Prepare.class));
    }
    if (code == MessageKind.COMMIT.code()) {
      return new QbftMessage.Commit(decodeSigned(reader, MessageKind.COMMIT, Payload.Commit.class));
    }
    if (code == MessageKind.PROPOSAL.code()) {
      RlpReader outer = reader.enterList();
      Signed<Payload.Proposal> signed =
          decodeSigned(outer, MessageKind.PROPOSAL, Payload.Proposal.class);
      RlpReader justification = outer.enterList();
      List<Signed<Payload.RoundChange>> roundChanges =
          decodeSignedList(justification, MessageKind.ROUND_CHANGE, Payload.RoundChange.class);
      List<Signed<Payload.Prepare>> prepares =
          decodeSignedList(justification, MessageKind.PREPARE, Payload.Prepare.class);
      justification.requireEnd();
      outer.requireEnd();
      return new QbftMessage.Proposal(signed, roundChanges, prepares);
    }
    if (code == MessageKind.ROUND_CHANGE.code()) {
      RlpReader outer = reader.enterList();
      Signed<Payload.RoundChange> signed =
          decodeSigned(outer, MessageKind.ROUND_CHANGE, Payload.RoundChange.class);
      byte[] blockRaw = outer.readRaw();
      Optional<QbftBlock> block =
          blockRaw.length == 1 && blockRaw[0] == Rlp.emptyList()[0]
              ? Optional.empty()
              : Optional.of(decodeBlock(Bytes.wrap(blockRaw)));
      List<Signed<Payload.Prepare>> prepares =
          decodeSignedList(outer, MessageKind.PREPARE, Payload.Prepare.class);
      outer.requireEnd();
      return new QbftMessage.RoundChange(signed, block, prepares);
    }
    throw new DecodeFailure(Reason.UNKNOWN_MESSAGE_CODE, "code 0x" + Integer.toHexString(code));
  }

  // --- payloads ---

  byte[] encodePayload(Payload payload) {
    RoundId id = payload.roundId();
    byte[] height = Rlp.uint(id.height());
    byte[] round = Rlp.uint(id.round());
    return switch (payload) {
      case Payload.Prepare prepare -> Rlp.list(height, round, Rlp.string(prepare.digest().bytes()));
      case Payload.Commit commit ->
          Rlp.list(
              height,
              round,
              Rlp.string(commit.digest().bytes()),
              Rlp.string(commit.commitSeal().encode()));
      case Payload.Proposal proposal ->
          Rlp.list(height, round, blockCodec.encode(proposal.block()).toArray());
      case Payload.RoundChange roundChange ->
          Rlp.list(
              height,
              round,
              roundChange
                  .prepared()
                  .map(
                      metadata ->
                          Rlp.list(
                              Rlp.uint(metadata.preparedRound()),
                              Rlp.string(metadata.preparedBlockDigest().bytes())))
                  .orElse(Rlp.emptyList()));
    };
  }

  private Payload decodePayload(MessageKind kind, RlpReader list) {
    RoundId id = new RoundId(list.readLong(), list.readInt());
    Payload payload =
        switch (kind) {
          case PREPARE -> new Payload.Prepare(id, list.readHash());
          case COMMIT -> new Payload.Commit(id, list.readHash(), decodeSignature(list));
          case PROPOSAL -> new Payload.Proposal(id, decodeBlock(Bytes.wrap(list.readRaw())));
          case ROUND_CHANGE -> {
            RlpReader metadata = list.enterList();
            Optional<PreparedRoundMetadata> prepared = Optional.empty();
            if (metadata.hasNext()) {
              prepared =
                  Optional.of(new PreparedRoundMetadata(metadata.readInt(), metadata.readHash()));
              metadata.requireEnd();
            }
            yield new Payload.RoundChange(id, prepared);
          }
        };
    list.requireEnd();
    return payload;
  }

  // --- signed data ---

  private byte[] encodeSigned(Signed<? extends Payload> signed) {
    return Rlp.list(encodePayload(signed.payload()), Rlp.string(signed.signature().encode()));
  }

  private byte[] encodeSignedList(List<? extends Signed<? extends Payload>> items) {
    List<byte[]> encoded = new ArrayList<>(items.size());
    for (Signed<? extends Payload> item : items) {
      encoded.add(encodeSigned(item));
    }
    return Rlp.list(encoded);
  }

  private <P extends Payload> List<Signed<P>> decodeSignedList(
      RlpReader reader, MessageKind kind, Class<P> type) {
    RlpReader list = reader.enterList();
    List<Signed<P>> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(decodeSigned(list, kind, type));
    }
    return items;
  }

  private <P extends Payload> Signed<P> decodeSigned(
      RlpReader reader, MessageKind kind, Class<P> type) {
    RlpReader signedData = reader.enterList();
    Payload payload = decodePayload(kind, signedData.enterList());
    Signature signature = decodeSignature(signedData);
    signedData.requireEnd();
    if (!signature.isLowS()) {
      throw new DecodeFailure(Reason.HIGH_S_SIGNATURE, kind + " signature has high s");
    }
    Optional<Address> author = recovery.recoverAddress(signingHash(payload), signature);
    if (author.isEmpty()) {
      throw new DecodeFailure(Reason.INVALID_SIGNATURE, kind + " signature recovers no key");
    }
    return new Signed<>(type.cast(payload), signature, author.get());
  }

  private static Signature decodeSignature(RlpReader reader) {
    byte[] raw = reader.readFixed(Signature.SIZE, "signature");
    try {
      return Signature.decode(Bytes.wrap(raw));
    } catch (IllegalArgumentException e) {
      throw new DecodeFailure(Reason.INVALID_SIGNATURE, String.valueOf(e.getMessage()));
    }
  }

  private QbftBlock decodeBlock(Bytes encoded) {
    try {
      return blockCodec.decode(encoded);
    } catch (RlpException | IllegalArgumentException e) {
      throw new DecodeFailure(Reason.MALFORMED_BLOCK, String.valueOf(e.getMessage()));
    }
  }

  /** Carries a typed rejection out of the recursive decoder; never escapes {@link #decode}. */
  private static final class DecodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Reason reason;

    DecodeFailure(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
