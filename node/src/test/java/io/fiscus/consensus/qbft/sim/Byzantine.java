package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.Payload;
import io.fiscus.consensus.qbft.PreparedRoundMetadata;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.RoundId;
import io.fiscus.consensus.qbft.Signed;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * A lying validator: it runs a real core, but rewrites what the core sends. Each strategy is one
 * kind of attack from the issue; {@link Strategy#MIXED} picks one per message.
 */
final class Byzantine {
  enum Strategy {
    EQUIVOCATE,
    WRONG_ROUND_OR_HEIGHT,
    FORGE_SIGNATURES,
    REPLAY_OLD,
    WITHHOLD,
    NEVER_PROPOSE,
    FAKE_CERTIFICATE,
    MIXED
  }

  /** A message and the node indices it goes to. */
  record Outbound(WireMessage wire, IntPredicate to) {}

  private static final int REPLAY_MEMORY_MAX = 500;
  private final Strategy strategy;
  private final NodeKey key;
  private final QbftMessageCodec codec;
  private final Random random;
  private final List<WireMessage> seen = new ArrayList<>();

  Byzantine(Strategy strategy, NodeKey key, QbftMessageCodec codec, Random random) {
    this.strategy = strategy;
    this.key = key;
    this.codec = codec;
    this.random = random;
  }

  Strategy strategy() {
    return strategy;
  }

  /** Remembers traffic to replay later. */
  void observe(WireMessage wire) {
    if (seen.size() < REPLAY_MEMORY_MAX) {
      seen.add(wire);
    } else {
      seen.set(random.nextInt(REPLAY_MEMORY_MAX), wire);
    }
  }

  List<Outbound> rewrite(QbftMessage message) {
    Strategy chosen =
        strategy == Strategy.MIXED
            ? Strategy.values()[random.nextInt(Strategy.values().length - 1)]
            : strategy;
    List<Outbound> out = new ArrayList<>();
    IntPredicate everyone = i -> true;
    switch (chosen) {
      case WITHHOLD -> {}
      case NEVER_PROPOSE -> {
        if (!(message instanceof QbftMessage.Proposal)) {
          out.add(new Outbound(codec.encode(message), everyone));
        }
      }
      case EQUIVOCATE -> equivocate(message, out);
      case WRONG_ROUND_OR_HEIGHT -> {
        out.add(new Outbound(codec.encode(message), everyone));
        out.add(new Outbound(codec.encode(shift(message)), everyone));
      }
      case FORGE_SIGNATURES -> {
        out.add(new Outbound(codec.encode(message), everyone));
        out.add(new Outbound(forge(codec.encode(message)), everyone));
      }
      case REPLAY_OLD -> {
        out.add(new Outbound(codec.encode(message), everyone));
        for (int i = 0; i < 3 && !seen.isEmpty(); i++) {
          out.add(new Outbound(seen.get(random.nextInt(seen.size())), everyone));
        }
      }
      case FAKE_CERTIFICATE ->
          out.add(new Outbound(codec.encode(fakeCertificate(message)), everyone));
      case MIXED -> throw new IllegalStateException("MIXED picks a concrete strategy");
    }
    return out;
  }

  /** Different proposals, prepares and commits to the two halves of the network. */
  private void equivocate(QbftMessage message, List<Outbound> out) {
    IntPredicate evens = i -> i % 2 == 0;
    IntPredicate odds = i -> i % 2 == 1;
    out.add(new Outbound(codec.encode(message), evens));
    RoundId id = message.roundId();
    QbftMessage other =
        switch (message) {
          case QbftMessage.Proposal proposal ->
              new QbftMessage.Proposal(
                  codec.sign(new Payload.Proposal(id, alternative(proposal.block())), key),
                  proposal.roundChanges(),
                  proposal.prepares());
          case QbftMessage.Prepare prepare ->
              new QbftMessage.Prepare(codec.sign(new Payload.Prepare(id, randomHash()), key));
          case QbftMessage.Commit commit -> {
            Hash digest = randomHash();
            yield new QbftMessage.Commit(
                codec.sign(new Payload.Commit(id, digest, key.sign(digest)), key));
          }
          case QbftMessage.RoundChange roundChange -> roundChange;
        };
    out.add(new Outbound(codec.encode(other), odds));
  }

  private static QbftBlock alternative(QbftBlock block) {
    ToyBlock toy = (ToyBlock) block;
    return new ToyBlock(
        toy.height(),
        toy.round(),
        toy.proposer(),
        toy.parentHash(),
        toy.timestampSeconds(),
        toy.vote(),
        toy.body().concat(Bytes.of((byte) 0xee)),
        List.of());
  }

  /** The same content re-signed for another round or height. */
  private QbftMessage shift(QbftMessage message) {
    RoundId id = message.roundId();
    RoundId wrong =
        switch (random.nextInt(3)) {
          case 0 -> new RoundId(id.height(), id.round() + 1 + random.nextInt(3));
          case 1 -> new RoundId(id.height() + 1, id.round());
          default -> new RoundId(Math.max(0, id.height() - 1), id.round());
        };
    return switch (message) {
      case QbftMessage.Proposal proposal ->
          new QbftMessage.Proposal(
              codec.sign(new Payload.Proposal(wrong, proposal.block()), key),
              proposal.roundChanges(),
              proposal.prepares());
      case QbftMessage.Prepare prepare ->
          new QbftMessage.Prepare(
              codec.sign(new Payload.Prepare(wrong, prepare.signed().payload().digest()), key));
      case QbftMessage.Commit commit -> {
        Payload.Commit payload = commit.signed().payload();
        yield new QbftMessage.Commit(
            codec.sign(new Payload.Commit(wrong, payload.digest(), payload.commitSeal()), key));
      }
      case QbftMessage.RoundChange roundChange ->
          new QbftMessage.RoundChange(
              codec.sign(
                  new Payload.RoundChange(wrong, roundChange.signed().payload().prepared()), key),
              roundChange.preparedBlock(),
              roundChange.prepares());
    };
  }

  /** Flips bits in the signed data, or swaps the signature for a random (high-s) one. */
  private WireMessage forge(WireMessage wire) {
    byte[] data = wire.data().toArray();
    if (random.nextBoolean()) {
      int at = random.nextInt(data.length);
      data[at] ^= (byte) (1 + random.nextInt(255));
      return new WireMessage(wire.code(), Bytes.wrap(data));
    }
    // The last 65 bytes of a prepare or commit are its signature; replace with a random one.
    if (data.length > 70) {
      byte[] fake = randomSignature(random.nextBoolean()).encode().toArray();
      System.arraycopy(fake, 0, data, data.length - 65, 65);
    }
    return new WireMessage(wire.code(), Bytes.wrap(data));
  }

  private Signature randomSignature(boolean highS) {
    BigInteger r = new BigInteger(255, random).add(BigInteger.ONE);
    BigInteger s = new BigInteger(254, random).add(BigInteger.ONE);
    if (highS) {
      s = Signature.CURVE_ORDER.subtract(s);
    }
    return new Signature(r, s, random.nextInt(2));
  }

  /** A round change claiming a prepared block nobody prepared, backed only by our own prepare. */
  private QbftMessage fakeCertificate(QbftMessage message) {
    if (!(message instanceof QbftMessage.RoundChange roundChange)) {
      return message;
    }
    RoundId id = roundChange.roundId();
    int preparedRound = id.round() - 1;
    QbftBlock fake =
        roundChange
            .preparedBlock()
            .map(Byzantine::alternative)
            .orElseGet(
                () ->
                    new ToyBlock(
                        id.height(),
                        preparedRound,
                        key.address(),
                        randomHash(),
                        0,
                        Optional.empty(),
                        Bytes.of((byte) 1),
                        List.of()))
            .withRound(preparedRound);
    Hash digest = fake.commitSealHash();
    Signed<Payload.Prepare> ownPrepare =
        codec.sign(new Payload.Prepare(new RoundId(id.height(), preparedRound), digest), key);
    return new QbftMessage.RoundChange(
        codec.sign(
            new Payload.RoundChange(
                id, Optional.of(new PreparedRoundMetadata(preparedRound, digest))),
            key),
        Optional.of(fake),
        List.of(ownPrepare, ownPrepare));
  }

  private Hash randomHash() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return Keccak.hash(Bytes.wrap(bytes));
  }
}
