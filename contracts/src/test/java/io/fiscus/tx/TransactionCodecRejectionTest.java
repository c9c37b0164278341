package io.fiscus.tx;

import static io.fiscus.tx.TransactionFixtures.CODEC;
import static io.fiscus.tx.TransactionFixtures.eip1559Call;
import static io.fiscus.tx.TransactionFixtures.eip1559With;
import static io.fiscus.tx.TransactionFixtures.legacyWith;
import static io.fiscus.tx.TransactionFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per structural rejection reason, asserting its stable code. */
class TransactionCodecRejectionTest {
  private static final int EIP1559_NONCE = 1;
  private static final int EIP1559_TO = 5;
  private static final int EIP1559_ACCESS_LIST = 8;
  private static final int EIP1559_Y_PARITY = 9;
  private static final int EIP1559_R = 10;
  private static final int EIP1559_S = 11;
  private static final int LEGACY_V = 6;

  private static String codeOf(Bytes raw) {
    return codeOf(CODEC, raw);
  }

  private static String codeOf(TransactionCodec codec, Bytes raw) {
    TransactionDecoding decoding = codec.decode(raw);
    assertThat(decoding).isInstanceOf(TransactionDecoding.Rejected.class);
    return ((TransactionDecoding.Rejected) decoding).reason().code();
  }

  @Test
  void emptyInputIsRejected() {
    assertThat(codeOf(Bytes.EMPTY)).isEqualTo("empty-input");
  }

  @Test
  void aListLongerThanTheInputIsMalformedRlp() {
    Bytes raw = signed(eip1559Call());
    assertThat(codeOf(raw.slice(0, raw.size() - 1))).isEqualTo("malformed-rlp");
  }

  @Test
  void aTopLevelRlpStringIsMalformedRlp() {
    assertThat(codeOf(Bytes.wrap(Rlp.string(Bytes.fromHex("0102"))))).isEqualTo("malformed-rlp");
  }

  @Test
  void bytesAfterTheTransactionAreTrailingBytes() {
    Bytes raw = signed(eip1559Call()).concat(Bytes.of((byte) 0));
    assertThat(codeOf(raw)).isEqualTo("trailing-bytes");
  }

  @Test
  void eip2930AndBlobEnvelopesAreUnsupportedTypes() {
    Bytes payload = signed(eip1559Call()).slice(1, signed(eip1559Call()).size());
    assertThat(codeOf(Bytes.of((byte) 0x01).concat(payload))).isEqualTo("unsupported-type");
    assertThat(codeOf(Bytes.of((byte) 0x03).concat(payload))).isEqualTo("unsupported-type");
    assertThat(codeOf(Bytes.of((byte) 0x04).concat(payload))).isEqualTo("unsupported-type");
  }

  @Test
  void aMissingOrExtraFieldIsAWrongFieldCount() {
    List<byte[]> items = TransactionFixtures.items(signed(eip1559Call()));
    List<byte[]> shorter = items.subList(0, items.size() - 1);
    assertThat(codeOf(TransactionFixtures.eip1559(shorter))).isEqualTo("wrong-field-count");
    List<byte[]> longer = new ArrayList<>(items);
    longer.add(Rlp.emptyString());
    assertThat(codeOf(TransactionFixtures.eip1559(longer))).isEqualTo("wrong-field-count");
  }

  @Test
  void aNonceWithALeadingZeroIsANonCanonicalInteger() {
    byte[] paddedSeven = Rlp.string(new byte[] {0, 7});
    assertThat(codeOf(eip1559With(EIP1559_NONCE, paddedSeven))).isEqualTo("non-canonical-integer");
  }

  @Test
  void aNonceOf2To63IsOutOfRange() {
    byte[] twoTo63 = Rlp.uint(BigInteger.ONE.shiftLeft(63));
    assertThat(codeOf(eip1559With(EIP1559_NONCE, twoTo63))).isEqualTo("field-out-of-range");
  }

  @Test
  void aFeeWiderThan256BitsIsOutOfRange() {
    byte[] fee = Rlp.uint(BigInteger.ONE.shiftLeft(256));
    assertThat(codeOf(eip1559With(3, fee))).isEqualTo("field-out-of-range");
  }

  @Test
  void aPriorityFeeAboveTheMaxFeeIsRejected() {
    UnsignedTransaction base = eip1559Call();
    UnsignedTransaction inverted =
        UnsignedTransaction.eip1559(
            base.chainId().getAsLong(),
            base.nonce(),
            BigInteger.TEN,
            BigInteger.ONE,
            base.gasLimit(),
            base.to(),
            base.value(),
            base.data(),
            base.accessList());
    assertThat(codeOf(signed(inverted))).isEqualTo("priority-fee-above-max-fee");
  }

  @Test
  void aNineteenByteRecipientIsAnInvalidAddress() {
    byte[] shortTo = Rlp.string(new byte[19]);
    assertThat(codeOf(eip1559With(EIP1559_TO, shortTo))).isEqualTo("invalid-address");
  }

  @Test
  void accessListsWithMisSizedItemsOrTheWrongShapeAreInvalid() {
    byte[] address = Rlp.string(new byte[20]);
    byte[] key = Rlp.string(new byte[32]);
    List<byte[]> badLists =
        List.of(
            Rlp.string(new byte[1]),
            Rlp.list(Rlp.list(Rlp.string(new byte[19]), Rlp.list(key))),
            Rlp.list(Rlp.list(address, Rlp.list(Rlp.string(new byte[31])))),
            Rlp.list(Rlp.list(address, key)),
            Rlp.list(Rlp.list(address, Rlp.list(key), Rlp.emptyList())),
            Rlp.list(address));
    for (byte[] accessList : badLists) {
      assertThat(codeOf(eip1559With(EIP1559_ACCESS_LIST, accessList)))
          .isEqualTo("invalid-access-list");
    }
  }

  @Test
  void rOrSOutsideTheCurveOrderOrABadRecoveryIdIsAnInvalidSignature() {
    assertThat(codeOf(eip1559With(EIP1559_R, Rlp.emptyString()))).isEqualTo("invalid-signature");
    assertThat(codeOf(eip1559With(EIP1559_S, Rlp.uint(Signature.CURVE_ORDER))))
        .isEqualTo("invalid-signature");
    assertThat(codeOf(eip1559With(EIP1559_Y_PARITY, Rlp.uint(2)))).isEqualTo("invalid-signature");
    assertThat(codeOf(legacyWith(LEGACY_V, Rlp.uint(29)))).isEqualTo("invalid-signature");
  }

  @Test
  void theMalleableHighSTwinOfAValidSignatureIsRejectedAsHighS() {
    SignedTransaction valid =
        TransactionFixtures.SIGNER.sign(eip1559Call(), TransactionFixtures.KEY);
    Signature low = valid.signature();
    Signature high =
        new Signature(low.r(), Signature.CURVE_ORDER.subtract(low.s()), 1 - low.recoveryId());
    Bytes twin = TransactionCodec.encode(valid.unsigned(), high);
    assertThat(codeOf(twin)).isEqualTo("high-s");
  }

  @Test
  void aSignatureNoKeyMatchesIsAnUnrecoverableSender() {
    SignatureRecovery nothingMatches =
        new SignatureRecovery() {
          @Override
          public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
            return Optional.empty();
          }

          @Override
          public String name() {
            return "nothing-matches";
          }
        };
    TransactionCodec codec = new TransactionCodec(nothingMatches);
    assertThat(codeOf(codec, signed(eip1559Call()))).isEqualTo("unrecoverable-sender");
  }

  @Test
  void everyReasonHasADistinctLowerCaseCode() {
    List<String> codes =
        Arrays.stream(TransactionRejection.values()).map(TransactionRejection::code).toList();
    assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z0-9-]+"));
  }
}
