package io.fiscus.tx;

import static io.fiscus.tx.TransactionFixtures.CHAIN_ID;
import static io.fiscus.tx.TransactionFixtures.CODEC;
import static io.fiscus.tx.TransactionFixtures.TOKEN;
import static io.fiscus.tx.TransactionFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Fiscus admission policy: one test per policy reason, and what passes through it. */
class TransactionAdmissionTest {
  private static final TransactionAdmission ADMISSION = TransactionAdmission.withDefaults(CHAIN_ID);

  private static String codeOf(TransactionAdmission admission, Bytes raw) {
    TransactionDecoding decoding = admission.admit(raw);
    assertThat(decoding).isInstanceOf(TransactionDecoding.Rejected.class);
    return ((TransactionDecoding.Rejected) decoding).reason().code();
  }

  private static UnsignedTransaction call(
      long chainId, Optional<Address> to, BigInteger value, Bytes data) {
    return UnsignedTransaction.eip1559(
        chainId, 0, BigInteger.ZERO, BigInteger.ZERO, 100_000, to, value, data, List.of());
  }

  @Test
  void aProtectedCallToASystemContractIsAdmittedWithItsSender() {
    TransactionDecoding eip1559 = ADMISSION.admit(signed(TransactionFixtures.eip1559Call()));
    TransactionDecoding legacy =
        ADMISSION.admit(signed(TransactionFixtures.legacyCall(OptionalLong.of(CHAIN_ID))));
    for (TransactionDecoding decoding : List.of(eip1559, legacy)) {
      assertThat(decoding).isInstanceOf(TransactionDecoding.Decoded.class);
      assertThat(((TransactionDecoding.Decoded) decoding).transaction().sender())
          .isEqualTo(Secp256k1.address(TransactionFixtures.KEY));
    }
  }

  @Test
  void aTransactionForAnotherChainIsAWrongChainId() {
    Bytes raw = signed(call(CHAIN_ID + 1, Optional.of(TOKEN), BigInteger.ZERO, Bytes.EMPTY));
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("wrong-chain-id");
    Bytes legacy = signed(TransactionFixtures.legacyCall(OptionalLong.of(1)));
    assertThat(codeOf(ADMISSION, legacy)).isEqualTo("wrong-chain-id");
  }

  @Test
  void aLegacyTransactionWithoutEip155IsUnprotected() {
    Bytes raw = signed(TransactionFixtures.legacyCall(OptionalLong.empty()));
    assertThat(CODEC.decode(raw)).isInstanceOf(TransactionDecoding.Decoded.class);
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("unprotected-legacy");
  }

  @Test
  void callDataAboveTheLimitIsOversizeData() {
    Bytes data = Bytes.wrap(new byte[TransactionAdmission.DEFAULT_DATA_BYTES_MAX + 1]);
    Bytes raw = signed(call(CHAIN_ID, Optional.of(TOKEN), BigInteger.ZERO, data));
    assertThat(raw.size()).isLessThanOrEqualTo(TransactionAdmission.DEFAULT_RAW_BYTES_MAX);
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("oversize-data");
  }

  @Test
  void callDataAtTheLimitIsAdmitted() {
    Bytes data = Bytes.wrap(new byte[TransactionAdmission.DEFAULT_DATA_BYTES_MAX]);
    Bytes raw = signed(call(CHAIN_ID, Optional.of(TOKEN), BigInteger.ZERO, data));
    assertThat(ADMISSION.admit(raw)).isInstanceOf(TransactionDecoding.Decoded.class);
  }

  @Test
  void rawBytesAboveTheLimitAreAnOversizeTransactionEvenIfGarbage() {
    Bytes huge = Bytes.wrap(new byte[TransactionAdmission.DEFAULT_RAW_BYTES_MAX + 1]);
    assertThat(codeOf(ADMISSION, huge)).isEqualTo("oversize-transaction");
    TransactionAdmission tight = new TransactionAdmission(CHAIN_ID, 100, 100, CODEC);
    Bytes raw = signed(TransactionFixtures.eip1559Call());
    assertThat(codeOf(tight, raw)).isEqualTo("oversize-transaction");
  }

  @Test
  void anEmptyRecipientIsAContractCreationAndNotSupported() {
    Bytes raw = signed(call(CHAIN_ID, Optional.empty(), BigInteger.ZERO, Bytes.fromHex("6000")));
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("contract-creation-not-supported");
  }

  @Test
  void aNonZeroValueIsAnEtherTransferAndNotSupported() {
    Bytes raw = signed(call(CHAIN_ID, Optional.of(TOKEN), BigInteger.ONE, Bytes.EMPTY));
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("value-transfer-not-supported");
  }

  @Test
  void structuralRejectionsPassThroughUnchanged() {
    Bytes raw = signed(TransactionFixtures.eip1559Call()).concat(Bytes.of((byte) 1));
    assertThat(codeOf(ADMISSION, raw)).isEqualTo("trailing-bytes");
  }
}
