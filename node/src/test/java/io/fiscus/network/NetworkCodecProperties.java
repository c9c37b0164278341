package io.fiscus.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.p2p.MessageType;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every message decodes to itself; any change to an encoding is rejected or decodes differently.
 */
class NetworkCodecProperties {

  @Property(tries = 300)
  void everyMessageRoundTrips(@ForAll("messages") NetworkMessage message) {
    Bytes encoded = NetworkCodec.encode(message);

    assertThat(NetworkCodec.decode(message.type(), encoded))
        .isEqualTo(new NetworkDecoding.Decoded(message));
  }

  @Property(tries = 300)
  void aTruncatedOrExtendedPayloadIsMalformed(
      @ForAll("messages") NetworkMessage message, @ForAll boolean truncate) {
    Bytes encoded = NetworkCodec.encode(message);
    Bytes changed =
        truncate ? encoded.slice(0, encoded.size() - 1) : encoded.concat(Bytes.of((byte) 0x80));

    assertThat(NetworkCodec.decode(message.type(), changed))
        .isInstanceOf(NetworkDecoding.Malformed.class);
  }

  @Property(tries = 200)
  void randomBytesNeverThrow(@ForAll("types") MessageType type, @ForAll("bytes") byte[] payload) {
    NetworkDecoding decoding = NetworkCodec.decode(type, Bytes.wrap(payload));

    if (decoding instanceof NetworkDecoding.Decoded decoded) {
      assertThat(NetworkCodec.encode(decoded.message())).isEqualTo(Bytes.wrap(payload));
    }
  }

  @Provide
  Arbitrary<MessageType> types() {
    return Arbitraries.of(MessageType.class);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
  }

  @Provide
  Arbitrary<NetworkMessage> messages() {
    Arbitrary<Long> numbers = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<Hash> hashes = fixed(32).map(Hash::wrap);
    Arbitrary<NetworkMessage> status =
        Combinators.combine(numbers, hashes).as(NetworkMessage.Status::new);
    Arbitrary<NetworkMessage> newBlock =
        Combinators.combine(numbers, hashes).as(NetworkMessage.NewBlock::new);
    Arbitrary<NetworkMessage> transactions =
        transactionBytes().list().ofMaxSize(20).map(NetworkMessage.Transactions::new);
    Arbitrary<NetworkMessage> qbft =
        Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200))
            .as((code, data) -> new NetworkMessage.Qbft(new WireMessage(code, Bytes.wrap(data))));
    Arbitrary<NetworkMessage> getBlocks =
        Combinators.combine(
                numbers, numbers, Arbitraries.integers().between(1, NetworkCodec.BLOCKS_MAX))
            .as(NetworkMessage.GetBlocks::new);
    Arbitrary<NetworkMessage> blocks =
        Combinators.combine(numbers, blocks().list().ofMaxSize(4)).as(NetworkMessage.Blocks::new);
    return Arbitraries.oneOf(status, newBlock, transactions, qbft, getBlocks, blocks);
  }

  private static Arbitrary<byte[]> fixed(int size) {
    return Arbitraries.bytes().array(byte[].class).ofSize(size);
  }

  /** Typed-envelope-like transactions: a type byte below 0x80, then anything. */
  private static Arbitrary<Bytes> transactionBytes() {
    return Combinators.combine(
            Arbitraries.bytes().between((byte) 0, (byte) 0x7f),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(120))
        .as((type, body) -> Bytes.of(type).concat(Bytes.wrap(body)));
  }

  private static Arbitrary<Block> blocks() {
    Arbitrary<Hash> hashes = fixed(32).map(Hash::wrap);
    Arbitrary<Address> addresses = fixed(20).map(Address::wrap);
    return Combinators.combine(
            hashes,
            addresses,
            Arbitraries.longs().between(1, 1_000_000),
            Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L),
            addresses.list().ofMinSize(1).ofMaxSize(4),
            transactionBytes().list().ofMaxSize(3))
        .as(
            (parent, coinbase, number, timestamp, validators, transactions) -> {
              BlockHeader header =
                  BlockHeader.qbft(
                      parent,
                      coinbase,
                      parent,
                      Hash.EMPTY_TRIE,
                      Hash.EMPTY_TRIE,
                      LogsBloom.EMPTY,
                      number,
                      30_000_000,
                      0,
                      timestamp,
                      QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)));
              return new Block(header, new ArrayList<>(List.copyOf(transactions)));
            });
  }
}
