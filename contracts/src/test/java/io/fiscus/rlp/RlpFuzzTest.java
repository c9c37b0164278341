package io.fiscus.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Jazzer fuzz tests of {@link RlpReader} against {@link Rlp}. The reader claims to accept only
 * canonical RLP, so whatever it accepts must be exactly what the encoder writes for the values it
 * read: one accepted encoding per value, nothing reinterpreted. Seeds live in {@code
 * RlpFuzzTestInputs/}; {@code scripts/fuzz} runs these for longer.
 */
class RlpFuzzTest {

  @FuzzTest
  void everyItemSequenceTheReaderAcceptsReEncodesToTheSameBytes(byte[] input) {
    RlpReader reader = RlpReader.of(input);
    ByteArrayOutputStream reencoded = new ByteArrayOutputStream(input.length);
    try {
      while (reader.hasNext()) {
        reencoded.writeBytes(RlpVectorsTest.reencode(reader));
      }
    } catch (RlpException rejected) {
      return;
    }

    assertThat(Bytes.wrap(reencoded.toByteArray())).isEqualTo(Bytes.wrap(input));
  }

  @FuzzTest
  void everyScalarTheReaderAcceptsIsTheEncodingOfItsValue(byte[] input) {
    BigInteger uint256 = readWhole(input, reader -> reader.readUInt(32));
    Long uint63 = readWhole(input, RlpReader::readLong);

    if (uint256 != null) {
      assertThat(Bytes.wrap(Rlp.uint(uint256))).isEqualTo(Bytes.wrap(input));
    }
    if (uint63 != null) {
      assertThat(Bytes.wrap(Rlp.uint(uint63))).isEqualTo(Bytes.wrap(input));
      assertThat(BigInteger.valueOf(uint63)).isEqualTo(uint256);
    }
  }

  /** The one value filling {@code input}, or null when the reader rejects it. */
  private static <T> T readWhole(byte[] input, java.util.function.Function<RlpReader, T> read) {
    try {
      RlpReader reader = RlpReader.of(input);
      T value = read.apply(reader);
      reader.requireEnd();
      return value;
    } catch (RlpException rejected) {
      return null;
    }
  }
}
