package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.types.Bytes;

/**
 * Jazzer fuzz test of the hello, the first frame an unauthenticated peer sends: {@link
 * HelloCodec#decode} must give a hello or a {@link HelloFormatException}, never another exception,
 * and an accepted hello must encode back to exactly the bytes received. Seeds (signed hellos) live
 * in {@code HelloFuzzTestInputs/}.
 */
class HelloFuzzTest {

  @FuzzTest
  void anyHelloBytesDecodeOrFailWithAFormatErrorAndAcceptedOnesReEncodeExactly(byte[] input) {
    Bytes encoded = Bytes.wrap(input);
    Hello hello;
    try {
      hello = HelloCodec.decode(encoded);
    } catch (HelloFormatException rejected) {
      return;
    }

    assertThat(HelloCodec.encode(hello)).isEqualTo(encoded);
  }
}
