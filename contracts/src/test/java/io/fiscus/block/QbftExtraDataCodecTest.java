package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.crypto.Signature;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class QbftExtraDataCodecTest {
  private static final List<Address> VALIDATORS = BlockArbitraries.fourAddresses();
  private static final Address RECIPIENT = VALIDATORS.get(2);

  @Provide
  Arbitrary<QbftExtraData> extraData() {
    return BlockArbitraries.extraData();
  }

  @Property(tries = 300)
  void decodingAnEncodingGivesBackTheSameExtraData(@ForAll("extraData") QbftExtraData extra) {
    assertThat(QbftExtraDataCodec.decode(QbftExtraDataCodec.encode(extra))).isEqualTo(extra);
  }

  @Test
  void genesisExtraDataForFourValidatorsHasBesusExactLayout() {
    // besu-qbft.md §1.9: 0xf87a a0 00…00 f854 94<a1> 94<a2> 94<a3> 94<a4> c0 80 c0
    StringBuilder expected = new StringBuilder("f87a").append("a0").append("00".repeat(32));
    expected.append("f854");
    for (Address validator : VALIDATORS) {
      expected.append("94").append(validator.toHex().substring(2));
    }
    expected.append("c0").append("80").append("c0");

    Bytes encoded = QbftExtraDataCodec.encode(QbftExtraData.genesis(VALIDATORS));

    assertThat(encoded).isEqualTo(Bytes.fromHex(expected.toString()));
    assertThat(QbftExtraDataCodec.decode(Bytes.fromHex(expected.toString())))
        .isEqualTo(QbftExtraData.genesis(VALIDATORS));
  }

  @Test
  void anAddVoteIsRecipientAndFlagFfAndADropVoteIsRecipientAndEmptyString() {
    String recipient = RECIPIENT.toHex().substring(2);
    assertThat(voteBytesOf(Optional.of(Vote.toAdd(RECIPIENT))))
        .isEqualTo(Bytes.fromHex("d7" + "94" + recipient + "81ff"));
    assertThat(voteBytesOf(Optional.of(Vote.toDrop(RECIPIENT))))
        .isEqualTo(Bytes.fromHex("d6" + "94" + recipient + "80"));
    assertThat(voteBytesOf(Optional.empty())).isEqualTo(Bytes.fromHex("c0"));
  }

  @Test
  void theRoundIsAnRlpScalar() {
    assertThat(roundBytesOf(0)).isEqualTo(Bytes.fromHex("80"));
    assertThat(roundBytesOf(1)).isEqualTo(Bytes.fromHex("01"));
    assertThat(roundBytesOf(200)).isEqualTo(Bytes.fromHex("81c8"));
    assertThat(roundBytesOf(70000)).isEqualTo(Bytes.fromHex("83011170"));
  }

  @Test
  void sealsAreSixtyFiveByteStringsInOrder() {
    Signature first = new Signature(BigInteger.TWO, BigInteger.TEN, 1);
    Signature second = new Signature(BigInteger.ONE, BigInteger.ONE, 0);
    QbftExtraData extra = QbftExtraData.genesis(List.of()).withCommitSeals(List.of(first, second));
    Bytes expectedTail =
        Bytes.wrap(Rlp.list(Rlp.string(first.encode()), Rlp.string(second.encode())));
    Bytes encoded = QbftExtraDataCodec.encode(extra);

    assertThat(encoded.slice(encoded.size() - expectedTail.size(), encoded.size()))
        .isEqualTo(expectedTail);
    assertThat(expectedTail.slice(0, 4)).isEqualTo(Bytes.fromHex("f886b841"));
  }

  @Test
  void aVanityOtherThanThirtyTwoBytesIsRejected() {
    Bytes encoded =
        extraDataOf(
            Rlp.string(new byte[31]),
            Rlp.emptyList(),
            Rlp.emptyList(),
            Rlp.uint(0),
            Rlp.emptyList());
    assertRejected(encoded, Reason.BAD_VANITY);
  }

  @Test
  void aSealOtherThanSixtyFiveBytesIsRejected() {
    byte[] shortSeal = new byte[64];
    shortSeal[31] = 1;
    shortSeal[63] = 1;
    Bytes encoded =
        extraDataOf(
            Rlp.string(new byte[32]),
            Rlp.emptyList(),
            Rlp.emptyList(),
            Rlp.uint(0),
            Rlp.list(Rlp.string(shortSeal)));
    assertRejected(encoded, Reason.BAD_SEAL);
  }

  @Test
  void aSealWithARecoveryIdOtherThanZeroOrOneIsRejected() {
    byte[] seal = new Signature(BigInteger.TWO, BigInteger.TEN, 1).encode().toArray();
    seal[64] = 27;
    Bytes encoded =
        extraDataOf(
            Rlp.string(new byte[32]),
            Rlp.emptyList(),
            Rlp.emptyList(),
            Rlp.uint(0),
            Rlp.list(Rlp.string(seal)));
    assertRejected(encoded, Reason.BAD_SEAL);
  }

  @Test
  void aVoteFlagOtherThanFfOrEmptyIsRejected() {
    byte[] vote = Rlp.list(Rlp.string(RECIPIENT.bytes()), Rlp.string(new byte[] {1}));
    assertRejected(withVote(vote), Reason.BAD_VOTE);
  }

  @Test
  void anIbftStyleAbsentVoteEncodedAsEmptyStringIsRejected() {
    assertRejected(withVote(Rlp.emptyString()), Reason.BAD_VOTE);
  }

  @Test
  void aVoteWithoutFlagOrWithExtraItemsIsRejected() {
    assertRejected(withVote(Rlp.list(Rlp.string(RECIPIENT.bytes()))), Reason.BAD_VOTE);
    byte[] threeItems =
        Rlp.list(Rlp.string(RECIPIENT.bytes()), Rlp.emptyString(), Rlp.emptyString());
    assertRejected(withVote(threeItems), Reason.BAD_VOTE);
  }

  @Test
  void aMissingOrExtraTopLevelFieldIsRejected() {
    assertRejected(
        extraDataOf(Rlp.string(new byte[32]), Rlp.emptyList(), Rlp.emptyList(), Rlp.uint(0)),
        Reason.WRONG_FIELD_COUNT);
    assertRejected(
        extraDataOf(
            Rlp.string(new byte[32]),
            Rlp.emptyList(),
            Rlp.emptyList(),
            Rlp.uint(0),
            Rlp.emptyList(),
            Rlp.emptyList()),
        Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void nonCanonicalRoundsAndTrailingBytesAreRejected() {
    Bytes paddedRound =
        extraDataOf(
            Rlp.string(new byte[32]),
            Rlp.emptyList(),
            Rlp.emptyList(),
            Rlp.string(new byte[] {0, 1}),
            Rlp.emptyList());
    assertRejected(paddedRound, Reason.MALFORMED_RLP);
    Bytes trailing =
        QbftExtraDataCodec.encode(QbftExtraData.genesis(VALIDATORS)).concat(Bytes.of((byte) 0));
    assertRejected(trailing, Reason.MALFORMED_RLP);
  }

  @Test
  void aValidatorThatIsNotTwentyBytesIsRejected() {
    Bytes encoded =
        extraDataOf(
            Rlp.string(new byte[32]),
            Rlp.list(Rlp.string(new byte[19])),
            Rlp.emptyList(),
            Rlp.uint(0),
            Rlp.emptyList());
    assertRejected(encoded, Reason.WRONG_FIELD_SIZE);
  }

  private static Bytes voteBytesOf(Optional<Vote> vote) {
    QbftExtraData extra =
        new QbftExtraData(QbftExtraData.ZERO_VANITY, List.of(), vote, 0, List.of());
    return rawField(QbftExtraDataCodec.encode(extra), 2);
  }

  private static Bytes roundBytesOf(int round) {
    return rawField(
        QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of()).withRound(round)), 3);
  }

  private static Bytes rawField(Bytes encoded, int index) {
    RlpReader fields = RlpReader.of(encoded).enterList();
    for (int skipped = 0; skipped < index; skipped++) {
      fields.readRaw();
    }
    return Bytes.wrap(fields.readRaw());
  }

  private static Bytes withVote(byte[] vote) {
    return extraDataOf(
        Rlp.string(new byte[32]), Rlp.emptyList(), vote, Rlp.uint(0), Rlp.emptyList());
  }

  private static Bytes extraDataOf(byte[]... fields) {
    return Bytes.wrap(Rlp.list(fields));
  }

  private static void assertRejected(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> QbftExtraDataCodec.decode(encoded))
        .isInstanceOfSatisfying(
            BlockCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
