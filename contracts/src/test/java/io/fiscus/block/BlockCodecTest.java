package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BlockCodecTest {
  private static final Bytes TYPED = Bytes.fromHex("0x02f8010203");
  private static final Bytes LEGACY =
      Bytes.wrap(Rlp.list(Rlp.uint(9), Rlp.string(Bytes.fromHex("0xabcdef"))));

  @Provide
  Arbitrary<Block> blocks() {
    return BlockArbitraries.blocks();
  }

  @Property(tries = 200)
  void decodingAnEncodingGivesBackTheBlock(@ForAll("blocks") Block block) {
    assertThat(BlockCodec.decode(BlockCodec.encode(block))).isEqualTo(block);
  }

  @Test
  void aTypedTransactionIsAStringAndALegacyOneIsItsListInsertedAsIs() {
    Block block = new Block(BlockHeaderCodecTest.sampleHeader(), List.of(TYPED, LEGACY));
    RlpReader fields = RlpReader.of(BlockCodec.encode(block)).enterList();

    assertThat(Bytes.wrap(fields.readRaw()))
        .isEqualTo(BlockHeaderCodec.encode(BlockHeaderCodecTest.sampleHeader()));
    RlpReader transactions = fields.enterList();
    assertThat(transactions.nextIsList()).isFalse();
    assertThat(transactions.readValue()).isEqualTo(TYPED);
    assertThat(transactions.nextIsList()).isTrue();
    assertThat(Bytes.wrap(transactions.readRaw())).isEqualTo(LEGACY);
    transactions.requireEnd();
    assertThat(fields.readRaw()).containsExactly(0xc0);
    fields.requireEnd();
  }

  @Test
  void aBlockWithOmmersIsRejected() {
    Bytes encoded =
        Bytes.wrap(
            Rlp.list(
                BlockHeaderCodec.encode(BlockHeaderCodecTest.sampleHeader()).unsafeArray(),
                Rlp.emptyList(),
                Rlp.list(
                    BlockHeaderCodec.encode(BlockHeaderCodecTest.sampleHeader()).unsafeArray())));
    assertRejected(encoded, Reason.NON_EMPTY_OMMERS);
  }

  @Test
  void aTransactionStringThatIsNotATypedEnvelopeIsRejected() {
    assertRejected(blockWithTransactionItem(Rlp.string(LEGACY)), Reason.BAD_TRANSACTION);
    assertRejected(blockWithTransactionItem(Rlp.emptyString()), Reason.BAD_TRANSACTION);
  }

  @Test
  void aBlockWithoutItsOmmersListOrWithWithdrawalsIsRejected() {
    byte[] header = BlockHeaderCodec.encode(BlockHeaderCodecTest.sampleHeader()).unsafeArray();
    assertRejected(Bytes.wrap(Rlp.list(header, Rlp.emptyList())), Reason.WRONG_FIELD_COUNT);
    assertRejected(
        Bytes.wrap(Rlp.list(header, Rlp.emptyList(), Rlp.emptyList(), Rlp.emptyList())),
        Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void aBadHeaderInsideABlockIsReportedWithTheHeadersReason() {
    Bytes encoded = Bytes.wrap(Rlp.list(Rlp.list(Rlp.uint(1)), Rlp.emptyList(), Rlp.emptyList()));
    assertRejected(encoded, Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void encodingRefusesBytesThatAreNeitherEnvelopeNorOneList() {
    BlockHeader header = BlockHeaderCodecTest.sampleHeader();
    for (Bytes bad :
        List.of(Bytes.EMPTY, Bytes.fromHex("0x8180"), LEGACY.concat(Bytes.of((byte) 1)))) {
      assertThatThrownBy(() -> BlockCodec.encode(new Block(header, List.of(bad))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static Bytes blockWithTransactionItem(byte[] item) {
    return Bytes.wrap(
        Rlp.list(
            BlockHeaderCodec.encode(BlockHeaderCodecTest.sampleHeader()).unsafeArray(),
            Rlp.list(item),
            Rlp.emptyList()));
  }

  private static void assertRejected(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> BlockCodec.decode(encoded))
        .isInstanceOfSatisfying(
            BlockCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
