package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.types.Bytes;

/**
 * Jazzer fuzz tests of the block codecs, which read blocks and headers from peers (sync, QBFT
 * proposals) and storage. Bad bytes may only fail with a {@link BlockCodecException}; whatever
 * decodes must encode back to exactly the bytes read, since the codecs are strict. Seeds (sealed
 * QBFT blocks and headers) live in {@code BlockCodecFuzzTestInputs/}.
 */
class BlockCodecFuzzTest {

  @FuzzTest
  void anyBytesAreABlockThatReEncodesExactlyOrABlockCodecException(byte[] input) {
    Bytes encoded = Bytes.wrap(input);
    Block block;
    try {
      block = BlockCodec.decode(encoded);
    } catch (BlockCodecException rejected) {
      assertThat(rejected.reason()).isNotNull();
      return;
    }

    assertThat(BlockCodec.encode(block)).isEqualTo(encoded);
  }

  @FuzzTest
  void anyBytesAreAHeaderThatReEncodesExactlyOrABlockCodecException(byte[] input) {
    Bytes encoded = Bytes.wrap(input);
    BlockHeader header;
    try {
      header = BlockHeaderCodec.decode(encoded);
    } catch (BlockCodecException rejected) {
      assertThat(rejected.reason()).isNotNull();
      return;
    }

    assertThat(BlockHeaderCodec.encode(header)).isEqualTo(encoded);
  }

  @FuzzTest
  void anyBytesAreQbftExtraDataThatReEncodesExactlyOrABlockCodecException(byte[] input) {
    Bytes encoded = Bytes.wrap(input);
    QbftExtraData extraData;
    try {
      extraData = QbftExtraDataCodec.decode(encoded);
    } catch (BlockCodecException rejected) {
      assertThat(rejected.reason()).isNotNull();
      return;
    }

    assertThat(QbftExtraDataCodec.encode(extraData)).isEqualTo(encoded);
  }
}
