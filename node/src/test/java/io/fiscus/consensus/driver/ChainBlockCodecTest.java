package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ChainBlockCodecTest {
  private final ChainBlockCodec codec = new ChainBlockCodec();

  @Property(tries = 200)
  void everyBlockRoundTripsThroughTheCodec(@ForAll("blocks") ChainBlock block) {
    ChainBlock decoded = codec.decode(codec.encode(block));

    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.hash()).isEqualTo(block.hash());
    assertThat(decoded.commitSealHash()).isEqualTo(block.commitSealHash());
    assertThat(decoded.vote()).isEqualTo(block.vote());
  }

  @Property(tries = 100)
  void roundAndSealsChangeTheSealHashButNeverTheBlockHash(
      @ForAll("blocks") ChainBlock block, @ForAll("rounds") int round) {
    ChainBlock moved = block.withRound(round);
    ChainBlock sealed = moved.withCommitSeals(List.of(signature(7)));

    assertThat(moved.round()).isEqualTo(round);
    assertThat(moved.commitSeals()).isEmpty();
    assertThat(moved.hash()).isEqualTo(block.hash()).isEqualTo(ChainBlock.of(moved.block()).hash());
    assertThat(sealed.hash()).isEqualTo(ChainBlock.of(sealed.block()).hash());
    assertThat(sealed.commitSealHash()).isEqualTo(moved.commitSealHash());
    assertThat(sealed.commitSeals()).containsExactly(signature(7));
    if (round != block.round()) {
      assertThat(moved.commitSealHash())
          .isNotEqualTo(block.withRound(block.round()).commitSealHash());
    }
  }

  @Test
  void aTruncatedBlockIsRejectedAsMalformed() {
    ChainBlock block = block(5, 0, Optional.empty(), List.of());
    Bytes encoded = codec.encode(block);

    assertThatThrownBy(() -> codec.decode(encoded.slice(0, encoded.size() - 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHeaderVoteIsTheCoreVote() {
    Address subject = address(9);
    ChainBlock block = block(3, 1, Optional.of(io.fiscus.block.Vote.toDrop(subject)), List.of());

    assertThat(block.vote()).contains(new Vote(subject, Vote.Kind.DROP));
    assertThat(block.proposer()).isEqualTo(address(1));
    assertThat(block.height()).isEqualTo(3);
  }

  @Provide
  Arbitrary<Integer> rounds() {
    return Arbitraries.integers().between(0, 40);
  }

  @Provide
  Arbitrary<ChainBlock> blocks() {
    Arbitrary<Long> numbers = Arbitraries.longs().between(1, 1L << 40);
    Arbitrary<Integer> rounds = rounds();
    Arbitrary<Optional<io.fiscus.block.Vote>> votes =
        Arbitraries.integers()
            .between(0, 2)
            .map(
                kind ->
                    kind == 0
                        ? Optional.empty()
                        : Optional.of(new io.fiscus.block.Vote(address(kind + 40), kind == 1)));
    Arbitrary<List<Signature>> seals =
        Arbitraries.integers()
            .between(1, 1000)
            .map(ChainBlockCodecTest::signature)
            .list()
            .ofMaxSize(4);
    Arbitrary<List<Bytes>> transactions =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(40)
            .map(payload -> Bytes.of((byte) 0x02).concat(Bytes.wrap(payload)))
            .list()
            .ofMaxSize(5);
    return Combinators.combine(numbers, rounds, votes, seals, transactions)
        .as(ChainBlockCodecTest::block);
  }

  private static ChainBlock block(
      long number, int round, Optional<io.fiscus.block.Vote> vote, List<Signature> seals) {
    return block(number, round, vote, seals, List.of());
  }

  private static ChainBlock block(
      long number,
      int round,
      Optional<io.fiscus.block.Vote> vote,
      List<Signature> seals,
      List<Bytes> transactions) {
    QbftExtraData extraData =
        new QbftExtraData(
            QbftExtraData.ZERO_VANITY, List.of(address(1), address(2)), vote, round, seals);
    BlockHeader header =
        BlockHeader.qbft(
            hash(number),
            address(1),
            hash(number + 1),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            number,
            30_000_000,
            0,
            1_700_000_000 + number,
            QbftExtraDataCodec.encode(extraData));
    return ChainBlock.of(new Block(header, transactions));
  }

  private static Signature signature(int seed) {
    return new Signature(BigInteger.valueOf(seed), BigInteger.valueOf(seed + 1), seed % 2);
  }

  private static Address address(int seed) {
    byte[] bytes = new byte[20];
    bytes[19] = (byte) seed;
    return Address.wrap(bytes);
  }

  private static Hash hash(long seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 8; i++) {
      bytes[31 - i] = (byte) (seed >>> (8 * i));
    }
    return Hash.wrap(bytes);
  }
}
