package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.consensus.qbft.sim.ToyBlock;
import io.fiscus.consensus.qbft.sim.ToyBlockCodec;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class QbftMessageCodecTest {
  private static final List<NodeKey> KEYS = List.of(key(1), key(2), key(3), key(4));
  private final QbftMessageCodec codec =
      new QbftMessageCodec(new ToyBlockCodec(), Secp256k1.recovery());

  static NodeKey key(long seed) {
    return NodeKey.of(new PrivateKey(BigInteger.valueOf(1_000_003L * seed + 7)));
  }

  @Property(tries = 200)
  void everyMessageSurvivesEncodeThenDecodeWithItsAuthorRecovered(
      @ForAll("messages") QbftMessage message) {
    WireMessage wire = codec.encode(message);

    Decoded decoded = codec.decode(wire);

    assertThat(decoded).isEqualTo(new Decoded.Ok(message));
    assertThat(wire.code()).isEqualTo(message.kind().code());
  }

  @Property(tries = 200)
  void truncatedMessagesAreRejectedNotThrown(@ForAll("messages") QbftMessage message) {
    WireMessage wire = codec.encode(message);
    Bytes cut = wire.data().slice(0, wire.data().size() - 1);

    Decoded decoded = codec.decode(new WireMessage(wire.code(), cut));

    assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
  }

  @Property(tries = 300)
  void arbitraryBytesAreDecodedOrRejectedButNeverThrow(
      @ForAll("messages") QbftMessage message,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4096) int position,
      @ForAll byte flip) {
    WireMessage wire = codec.encode(message);
    byte[] data = wire.data().toArray();
    data[position % data.length] ^= (byte) (flip | 1);

    Decoded decoded = codec.decode(new WireMessage(wire.code(), Bytes.wrap(data)));

    assertThat(decoded).isNotEqualTo(new Decoded.Ok(message));
  }

  @Test
  void prepareIsSignedOverRlpOfCodeAndPayload() {
    Hash digest = Keccak.hash(Bytes.of((byte) 1));
    Payload.Prepare payload = new Payload.Prepare(new RoundId(5, 0), digest);
    // RLP[0x13, [0x05, 0x80, digest]] written by hand: the payload list is 1+1+33 = 35 bytes.
    Bytes expected = Bytes.fromHex("e513e30580a0").concat(digest.bytes());

    assertThat(codec.signingHash(payload)).isEqualTo(Keccak.hash(expected));
  }

  @Test
  void highSSignaturesAreRejected() {
    NodeKey signer = KEYS.get(0);
    Signed<Payload.Prepare> good =
        codec.sign(new Payload.Prepare(new RoundId(1, 0), Hash.EMPTY_DATA), signer);
    Signature high =
        new Signature(
            good.signature().r(),
            Signature.CURVE_ORDER.subtract(good.signature().s()),
            1 - good.signature().recoveryId());
    QbftMessage forged = new QbftMessage.Prepare(new Signed<>(good.payload(), high, good.author()));

    Decoded decoded = codec.decode(codec.encode(forged));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            Decoded.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.HIGH_S_SIGNATURE));
  }

  @Test
  void aClaimedAuthorIsIgnoredInFavourOfTheRecoveredOne() {
    Signed<Payload.Prepare> signed =
        codec.sign(new Payload.Prepare(new RoundId(1, 0), Hash.EMPTY_DATA), KEYS.get(0));
    QbftMessage lying =
        new QbftMessage.Prepare(
            new Signed<>(signed.payload(), signed.signature(), KEYS.get(1).address()));

    Decoded decoded = codec.decode(codec.encode(lying));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            Decoded.Ok.class,
            ok -> assertThat(ok.message().author()).isEqualTo(KEYS.get(0).address()));
  }

  @Test
  void unknownCodesAreRejected() {
    Decoded decoded = codec.decode(new WireMessage(0x11, Bytes.fromHex("c0")));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            Decoded.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_MESSAGE_CODE));
  }

  @Test
  void roundChangeWithoutCertificateCarriesAnEmptyListForTheBlock() {
    Signed<Payload.RoundChange> signed =
        codec.sign(new Payload.RoundChange(new RoundId(3, 1), Optional.empty()), KEYS.get(2));
    WireMessage wire =
        codec.encode(new QbftMessage.RoundChange(signed, Optional.empty(), List.of()));

    // [signedPayload, 0xc0, 0xc0]: the last two bytes are the empty block and empty prepares.
    Bytes data = wire.data();
    assertThat(data.slice(data.size() - 2, data.size())).isEqualTo(Bytes.fromHex("c0c0"));
  }

  // --- generators ---

  @Provide
  Arbitrary<QbftMessage> messages() {
    return Arbitraries.oneOf(prepares(), commits(), proposals(), roundChanges());
  }

  private Arbitrary<RoundId> roundIds() {
    return Combinators.combine(
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.integers().between(0, 1 << 20))
        .as(RoundId::new);
  }

  private static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  private static Arbitrary<NodeKey> keys() {
    return Arbitraries.of(KEYS);
  }

  private Arbitrary<Signed<Payload.Prepare>> signedPrepares() {
    return Combinators.combine(roundIds(), hashes(), keys())
        .as((id, digest, key) -> codec.sign(new Payload.Prepare(id, digest), key));
  }

  private Arbitrary<QbftMessage> prepares() {
    return signedPrepares().map(QbftMessage.Prepare::new);
  }

  private Arbitrary<QbftMessage> commits() {
    return Combinators.combine(roundIds(), hashes(), keys(), keys())
        .as(
            (id, digest, key, sealer) ->
                new QbftMessage.Commit(
                    codec.sign(new Payload.Commit(id, digest, sealer.sign(digest)), key)));
  }

  static Arbitrary<ToyBlock> blocks() {
    Arbitrary<Optional<Vote>> votes =
        Combinators.combine(keys(), Arbitraries.of(Vote.Kind.class))
            .as((k, kind) -> new Vote(k.address(), kind))
            .optional();
    return Combinators.combine(
            Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.integers().between(0, 1000),
            keys().map(NodeKey::address),
            hashes(),
            Arbitraries.longs().between(0, 1L << 35),
            votes,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(Bytes::wrap),
            Arbitraries.integers().between(0, 3))
        .as(
            (height, round, proposer, parent, ts, vote, body, sealCount) -> {
              List<Signature> seals = new ArrayList<>();
              for (int i = 0; i < sealCount; i++) {
                seals.add(KEYS.get(i).sign(parent));
              }
              return new ToyBlock(height, round, proposer, parent, ts, vote, body, seals);
            });
  }

  private Arbitrary<QbftMessage> proposals() {
    return Combinators.combine(
            roundIds(),
            blocks(),
            keys(),
            roundChangePayloads().list().ofMaxSize(3),
            signedPrepares().list().ofMaxSize(3))
        .as(
            (id, block, key, rcs, prepares) ->
                new QbftMessage.Proposal(
                    codec.sign(new Payload.Proposal(id, block), key), rcs, prepares));
  }

  private Arbitrary<Signed<Payload.RoundChange>> roundChangePayloads() {
    Arbitrary<Optional<PreparedRoundMetadata>> metadata =
        Combinators.combine(Arbitraries.integers().between(0, 100), hashes())
            .as(PreparedRoundMetadata::new)
            .optional();
    return Combinators.combine(roundIds(), metadata, keys())
        .as((id, m, key) -> codec.sign(new Payload.RoundChange(id, m), key));
  }

  private Arbitrary<QbftMessage> roundChanges() {
    return Combinators.combine(
            roundChangePayloads(), blocks().optional(), signedPrepares().list().ofMaxSize(3))
        .as(
            (signed, block, prepares) ->
                new QbftMessage.RoundChange(signed, block.map(b -> (QbftBlock) b), prepares));
  }

  static Address address(NodeKey key) {
    return key.address();
  }
}
