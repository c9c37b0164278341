package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReceiptCodecTest {
  private static final Log TRANSFER =
      new Log(
          Address.fromHex("0x0000000000000000000000000000000000001002"),
          List.of(Hash.fromHex("0x" + "ab".repeat(32)), Hash.fromHex("0x" + "cd".repeat(32))),
          Bytes.fromHex("0x0102"));

  @Provide
  Arbitrary<Receipt> receipts() {
    return BlockArbitraries.receipts();
  }

  @Provide
  Arbitrary<TransactionOutcome> outcomes() {
    return BlockArbitraries.outcomes();
  }

  @Property(tries = 300)
  void decodingTheConsensusEncodingGivesBackTheReceipt(@ForAll("receipts") Receipt receipt) {
    assertThat(ReceiptCodec.decode(ReceiptCodec.encode(receipt))).isEqualTo(receipt);
  }

  @Property(tries = 300)
  void decodingTheStorageEncodingGivesBackTheOutcome(
      @ForAll("outcomes") TransactionOutcome outcome) {
    assertThat(ReceiptCodec.decodeFromStorage(ReceiptCodec.encodeForStorage(outcome)))
        .isEqualTo(outcome);
  }

  @Test
  void aLegacyReceiptIsTheEthereumFieldListWithStatusOneAsByteOne() {
    Receipt receipt = Receipt.of(Receipt.LEGACY_TYPE, true, 21_000, List.of(TRANSFER));
    Bytes expected =
        Bytes.wrap(
            Rlp.list(
                Rlp.string(new byte[] {1}),
                Rlp.string(Bytes.fromHex("0x5208")),
                Rlp.string(LogsBloom.of(List.of(TRANSFER)).bytes()),
                Rlp.list(
                    Rlp.list(
                        Rlp.string(TRANSFER.address().bytes()),
                        Rlp.list(
                            Rlp.string(TRANSFER.topics().get(0).bytes()),
                            Rlp.string(TRANSFER.topics().get(1).bytes())),
                        Rlp.string(Bytes.fromHex("0x0102"))))));

    assertThat(ReceiptCodec.encode(receipt)).isEqualTo(expected);
  }

  @Test
  void aFailedTypedReceiptIsTypeByteThenListWithEmptyStatus() {
    Receipt receipt = Receipt.of(Receipt.EIP1559_TYPE, false, 0, List.of());
    Bytes encoded = ReceiptCodec.encode(receipt);

    assertThat(encoded.get(0)).isEqualTo((byte) 0x02);
    RlpReader fields = RlpReader.of(encoded.slice(1, encoded.size())).enterList();
    assertThat(fields.readValue()).isEqualTo(Bytes.EMPTY);
    assertThat(fields.readLong()).isZero();
    assertThat(fields.readValue()).isEqualTo(LogsBloom.EMPTY.bytes());
    assertThat(fields.enterList().hasNext()).isFalse();
    fields.requireEnd();
  }

  @Test
  void anAbsentRevertReasonDiffersFromAnEmptyOne() {
    Receipt receipt = Receipt.of(Receipt.LEGACY_TYPE, false, 5, List.of());
    TransactionOutcome absent = new TransactionOutcome(receipt, 5, Optional.empty());
    TransactionOutcome empty = new TransactionOutcome(receipt, 5, Optional.of(""));

    assertThat(ReceiptCodec.encodeForStorage(absent))
        .isNotEqualTo(ReceiptCodec.encodeForStorage(empty));
    assertThat(ReceiptCodec.decodeFromStorage(ReceiptCodec.encodeForStorage(empty)))
        .isEqualTo(empty);
  }

  @Test
  void aStatusOtherThanOneOrEmptyIsRejected() {
    assertRejected(receiptWithStatus(Rlp.string(new byte[] {2})), Reason.BAD_STATUS);
    assertRejected(receiptWithStatus(Rlp.string(new byte[32])), Reason.BAD_STATUS);
    assertRejected(receiptWithStatus(Rlp.emptyList()), Reason.BAD_STATUS);
  }

  @Test
  void anUnknownReceiptTypeIsRejected() {
    Bytes legacyBody = ReceiptCodec.encode(Receipt.of(Receipt.LEGACY_TYPE, true, 1, List.of()));
    assertRejected(Bytes.of((byte) 0x01).concat(legacyBody), Reason.UNSUPPORTED_TYPE);
    assertRejected(Bytes.of((byte) 0x80), Reason.UNSUPPORTED_TYPE);
    assertRejected(Bytes.EMPTY, Reason.MALFORMED_RLP);
  }

  @Test
  void aLogWithFiveTopicsIsRejected() {
    byte[] topic = Rlp.string(Hash.ZERO.bytes());
    byte[] log =
        Rlp.list(
            Rlp.string(TRANSFER.address().bytes()),
            Rlp.list(Collections.nCopies(5, topic)),
            Rlp.emptyString());
    Bytes encoded =
        Bytes.wrap(
            Rlp.list(
                Rlp.string(new byte[] {1}),
                Rlp.uint(1),
                Rlp.string(LogsBloom.EMPTY.bytes()),
                Rlp.list(log)));
    assertRejected(encoded, Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void trailingBytesAndWrongFieldCountsAreRejected() {
    Bytes receipt = ReceiptCodec.encode(Receipt.of(Receipt.EIP1559_TYPE, true, 1, List.of()));
    assertRejected(receipt.concat(Bytes.of((byte) 0)), Reason.MALFORMED_RLP);
    Bytes threeFields =
        Bytes.wrap(
            Rlp.list(Rlp.string(new byte[] {1}), Rlp.uint(1), Rlp.string(LogsBloom.EMPTY.bytes())));
    assertRejected(threeFields, Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void storedReceiptsOfAnUnknownVersionOrWithBadUtf8AreRejected() {
    Bytes consensus = ReceiptCodec.encode(Receipt.of(Receipt.LEGACY_TYPE, false, 1, List.of()));
    Bytes versionTwo =
        Bytes.wrap(Rlp.list(Rlp.uint(2), Rlp.string(consensus), Rlp.uint(1), Rlp.emptyList()));
    assertStoredRejected(versionTwo, Reason.UNSUPPORTED_STORAGE_VERSION);

    byte[] badUtf8 = {(byte) 0xc3, (byte) 0x28};
    Bytes badReason =
        Bytes.wrap(
            Rlp.list(
                Rlp.uint(1), Rlp.string(consensus), Rlp.uint(1), Rlp.list(Rlp.string(badUtf8))));
    assertStoredRejected(badReason, Reason.BAD_REVERT_REASON);
  }

  private static Bytes receiptWithStatus(byte[] status) {
    return Bytes.wrap(
        Rlp.list(status, Rlp.uint(1), Rlp.string(LogsBloom.EMPTY.bytes()), Rlp.emptyList()));
  }

  private static void assertRejected(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> ReceiptCodec.decode(encoded))
        .isInstanceOfSatisfying(
            BlockCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void assertStoredRejected(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> ReceiptCodec.decodeFromStorage(encoded))
        .isInstanceOfSatisfying(
            BlockCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
