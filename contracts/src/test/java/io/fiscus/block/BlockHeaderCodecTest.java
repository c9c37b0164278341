package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

class BlockHeaderCodecTest {
  static final Bytes EXTRA_DATA =
      QbftExtraDataCodec.encode(QbftExtraData.genesis(BlockArbitraries.fourAddresses()));

  /** A header whose every field has a distinct, recognisable value. */
  static BlockHeader sampleHeader() {
    return BlockHeader.qbft(
        filled(0x01),
        Address.fromHex("0x" + "02".repeat(20)),
        filled(0x03),
        filled(0x04),
        filled(0x05),
        new LogsBloom(Bytes.wrap(bytes(256, 0x06))),
        7,
        30_000_000,
        21_000,
        1_700_000_000,
        EXTRA_DATA);
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return BlockArbitraries.headers();
  }

  @Property(tries = 300)
  void decodingAnEncodingGivesBackTheSameHeader(@ForAll("headers") BlockHeader header) {
    assertThat(BlockHeaderCodec.decode(BlockHeaderCodec.encode(header))).isEqualTo(header);
  }

  @Property(tries = 100)
  void theEncodingMatchesWeb3jsRlpOfTheEthereumFieldList(@ForAll("headers") BlockHeader header) {
    List<RlpType> fields = new ArrayList<>();
    fields.add(RlpString.create(header.parentHash().bytes().toArray()));
    fields.add(RlpString.create(header.ommersHash().bytes().toArray()));
    fields.add(RlpString.create(header.coinbase().bytes().toArray()));
    fields.add(RlpString.create(header.stateRoot().bytes().toArray()));
    fields.add(RlpString.create(header.transactionsRoot().bytes().toArray()));
    fields.add(RlpString.create(header.receiptsRoot().bytes().toArray()));
    fields.add(RlpString.create(header.logsBloom().bytes().toArray()));
    fields.add(RlpString.create(BigInteger.valueOf(header.difficulty())));
    fields.add(RlpString.create(BigInteger.valueOf(header.number())));
    fields.add(RlpString.create(BigInteger.valueOf(header.gasLimit())));
    fields.add(RlpString.create(BigInteger.valueOf(header.gasUsed())));
    fields.add(RlpString.create(BigInteger.valueOf(header.timestamp())));
    fields.add(RlpString.create(header.extraData().toArray()));
    fields.add(RlpString.create(header.mixHash().bytes().toArray()));
    fields.add(RlpString.create(header.nonce().toArray()));
    fields.add(RlpString.create(BigInteger.valueOf(header.baseFeePerGas())));

    byte[] expected = RlpEncoder.encode(new RlpList(fields));

    assertThat(BlockHeaderCodec.encode(header)).isEqualTo(Bytes.wrap(expected));
  }

  @Test
  void fieldsAreEncodedInEthereumLondonOrder() {
    BlockHeader header = sampleHeader();
    RlpReader fields = RlpReader.of(BlockHeaderCodec.encode(header)).enterList();

    assertThat(fields.readHash()).isEqualTo(filled(0x01));
    assertThat(fields.readHash()).isEqualTo(Hash.EMPTY_LIST);
    assertThat(fields.readAddress()).isEqualTo(Address.fromHex("0x" + "02".repeat(20)));
    assertThat(fields.readHash()).isEqualTo(filled(0x03));
    assertThat(fields.readHash()).isEqualTo(filled(0x04));
    assertThat(fields.readHash()).isEqualTo(filled(0x05));
    assertThat(fields.readValue()).isEqualTo(Bytes.wrap(bytes(256, 0x06)));
    assertThat(fields.readLong()).isEqualTo(1); // difficulty
    assertThat(fields.readLong()).isEqualTo(7); // number
    assertThat(fields.readLong()).isEqualTo(30_000_000); // gasLimit
    assertThat(fields.readLong()).isEqualTo(21_000); // gasUsed
    assertThat(fields.readLong()).isEqualTo(1_700_000_000); // timestamp
    assertThat(fields.readValue()).isEqualTo(EXTRA_DATA);
    assertThat(fields.readHash()).isEqualTo(BlockHeader.BFT_MIX_HASH);
    assertThat(fields.readValue()).isEqualTo(Bytes.wrap(new byte[8])); // nonce
    assertThat(fields.readLong()).isZero(); // baseFeePerGas
    fields.requireEnd();
  }

  @Test
  void theNonceIsAnEightByteStringAndZeroScalarsAreEmptyStrings() {
    byte[] raw = BlockHeaderCodec.encode(sampleHeader()).toArray();
    // The encoding ends with mixHash, then nonce as 0x88 + 8 zero bytes, then baseFee 0 as 0x80.
    Bytes tail = Bytes.wrap(raw).slice(raw.length - 10, raw.length);
    assertThat(tail).isEqualTo(Bytes.fromHex("88" + "00".repeat(8) + "80"));
  }

  @Test
  void aPreLondonFifteenFieldHeaderIsRejected() {
    List<byte[]> fields = fieldsOf(sampleHeader());
    fields.remove(15);
    assertRejected(Bytes.wrap(Rlp.list(fields)), Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void aShanghaiSeventeenFieldHeaderIsRejected() {
    List<byte[]> fields = fieldsOf(sampleHeader());
    fields.add(Rlp.string(Hash.EMPTY_TRIE.bytes()));
    assertRejected(Bytes.wrap(Rlp.list(fields)), Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void wrongSizedFixedFieldsAreRejected() {
    List<byte[]> shortNonce = fieldsOf(sampleHeader());
    shortNonce.set(14, Rlp.string(new byte[7]));
    assertRejected(Bytes.wrap(Rlp.list(shortNonce)), Reason.WRONG_FIELD_SIZE);

    List<byte[]> shortBloom = fieldsOf(sampleHeader());
    shortBloom.set(6, Rlp.string(new byte[255]));
    assertRejected(Bytes.wrap(Rlp.list(shortBloom)), Reason.WRONG_FIELD_SIZE);

    List<byte[]> longCoinbase = fieldsOf(sampleHeader());
    longCoinbase.set(2, Rlp.string(new byte[32]));
    assertRejected(Bytes.wrap(Rlp.list(longCoinbase)), Reason.WRONG_FIELD_SIZE);
  }

  @Test
  void nonCanonicalNumbersTrailingBytesAndNonListsAreRejected() {
    List<byte[]> padded = fieldsOf(sampleHeader());
    padded.set(8, Rlp.string(new byte[] {0, 7}));
    assertRejected(Bytes.wrap(Rlp.list(padded)), Reason.MALFORMED_RLP);

    Bytes trailing = BlockHeaderCodec.encode(sampleHeader()).concat(Bytes.of((byte) 0x80));
    assertRejected(trailing, Reason.MALFORMED_RLP);

    assertRejected(Bytes.wrap(Rlp.string(new byte[40])), Reason.MALFORMED_RLP);
    assertRejected(Bytes.EMPTY, Reason.MALFORMED_RLP);
  }

  private static List<byte[]> fieldsOf(BlockHeader header) {
    RlpReader reader = RlpReader.of(BlockHeaderCodec.encode(header)).enterList();
    List<byte[]> fields = new ArrayList<>();
    while (reader.hasNext()) {
      fields.add(reader.readRaw());
    }
    return fields;
  }

  private static void assertRejected(Bytes encoded, Reason reason) {
    assertThatThrownBy(() -> BlockHeaderCodec.decode(encoded))
        .isInstanceOfSatisfying(
            BlockCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static Hash filled(int value) {
    return Hash.wrap(bytes(32, value));
  }

  private static byte[] bytes(int size, int value) {
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) value);
    return out;
  }
}
