package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.consensus.driver.ChainBlockCodec;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Bytes;
import java.util.Arrays;

/**
 * Jazzer fuzz test of QBFT message decoding as a validator meets it from its peers: {@link
 * QbftMessageCodec} over the node's real {@link ChainBlockCodec} and secp256k1 recovery. An input
 * is {@code [message code, message data…]}. Decoding must give a message or a typed rejection and
 * never throw (an exception here would halt the consensus driver); an accepted message must encode
 * back to exactly the bytes received, since the codec is strict. Seeds (a signed proposal, prepare,
 * commit and round change carrying real blocks) live in {@code QbftMessageFuzzTestInputs/}.
 */
class QbftMessageFuzzTest {
  private static final QbftMessageCodec CODEC =
      new QbftMessageCodec(new ChainBlockCodec(), Secp256k1.recovery());

  @FuzzTest
  void anyMessageFromAPeerDecodesOrIsRejectedAndAcceptedOnesReEncodeExactly(byte[] input) {
    if (input.length == 0) {
      return;
    }
    WireMessage wire =
        new WireMessage(
            Byte.toUnsignedInt(input[0]), Bytes.wrap(Arrays.copyOfRange(input, 1, input.length)));

    Decoded decoded = CODEC.decode(wire);

    switch (decoded) {
      case Decoded.Rejected rejected -> assertThat(rejected.reason()).isNotNull();
      case Decoded.Ok ok -> assertThat(CODEC.encode(ok.message())).isEqualTo(wire);
    }
  }
}
