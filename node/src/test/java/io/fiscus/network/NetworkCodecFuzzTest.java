package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.p2p.MessageType;
import io.fiscus.types.Bytes;
import java.util.Arrays;

/**
 * Jazzer fuzz test of the payload decoding of every peer message type ({@link NetworkCodec}). An
 * input is {@code [type selector, payload…]}, the selector picking a {@link MessageType} by
 * position. Decoding must give a message or {@link NetworkDecoding.Malformed} and never throw; an
 * accepted payload must encode back to exactly the bytes received, since the codec is strict. Seeds
 * (one valid payload of each type, blocks included) live in {@code NetworkCodecFuzzTestInputs/}.
 */
class NetworkCodecFuzzTest {
  private static final MessageType[] TYPES = MessageType.values();

  @FuzzTest
  void anyPayloadOfAnyTypeDecodesOrIsMalformedAndAcceptedOnesReEncodeExactly(byte[] input) {
    if (input.length == 0) {
      return;
    }
    MessageType type = TYPES[Byte.toUnsignedInt(input[0]) % TYPES.length];
    Bytes payload = Bytes.wrap(Arrays.copyOfRange(input, 1, input.length));

    NetworkDecoding decoding = NetworkCodec.decode(type, payload);

    switch (decoding) {
      case NetworkDecoding.Malformed malformed -> assertThat(malformed.detail()).isNotBlank();
      case NetworkDecoding.Decoded decoded -> {
        assertThat(decoded.message().type()).isEqualTo(type);
        assertThat(NetworkCodec.encode(decoded.message())).isEqualTo(payload);
      }
    }
  }
}
