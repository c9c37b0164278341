package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.Payload;
import io.fiscus.consensus.qbft.PreparedCertificate;
import io.fiscus.consensus.qbft.PreparedRoundMetadata;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.RoundId;
import io.fiscus.consensus.qbft.Signed;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurableRecordCodecTest {
  private static final List<NodeKey> KEYS = new ArrayList<>();

  static {
    for (int i = 1; i <= 4; i++) {
      KEYS.add(NodeKey.of(new PrivateKey(BigInteger.valueOf(0xbeef + i))));
    }
  }

  private final ChainBlockCodec blockCodec = new ChainBlockCodec();
  private final QbftMessageCodec messageCodec =
      new QbftMessageCodec(blockCodec, Secp256k1.recovery());
  private final DurableRecordCodec codec = new DurableRecordCodec(messageCodec, blockCodec);

  static ChainBlock block(long number, int round) {
    List<io.fiscus.types.Address> validators = KEYS.stream().map(NodeKey::address).toList();
    BlockHeader header =
        BlockHeader.qbft(
            Hash.fromHex("0x" + "ab".repeat(32)),
            validators.get(0),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            number,
            30_000_000,
            0,
            1_700_000_000 + number,
            QbftExtraDataCodec.encode(
                new QbftExtraData(
                    QbftExtraData.ZERO_VANITY, validators, Optional.empty(), round, List.of())));
    return ChainBlock.of(new Block(header, List.of(Bytes.fromHex("0x02c180"))));
  }

  List<QbftMessage> messages(long height) {
    ChainBlock block = block(height, 1);
    RoundId id = new RoundId(height, 1);
    Hash digest = block.commitSealHash();
    NodeKey key = KEYS.get(0);
    Signed<Payload.Prepare> prepare = messageCodec.sign(new Payload.Prepare(id, digest), key);
    return List.of(
        new QbftMessage.Proposal(
            messageCodec.sign(new Payload.Proposal(id, block), key), List.of(), List.of()),
        new QbftMessage.Prepare(prepare),
        new QbftMessage.Commit(
            messageCodec.sign(new Payload.Commit(id, digest, key.sign(digest)), key)),
        new QbftMessage.RoundChange(
            messageCodec.sign(
                new Payload.RoundChange(
                    new RoundId(height, 2), Optional.of(new PreparedRoundMetadata(1, digest))),
                key),
            Optional.of(block),
            List.of(prepare)));
  }

  static List<Signed<Payload.Prepare>> prepares(QbftMessageCodec codec, ChainBlock block) {
    List<Signed<Payload.Prepare>> prepares = new ArrayList<>();
    for (NodeKey key : KEYS.subList(0, 3)) {
      prepares.add(
          codec.sign(
              new Payload.Prepare(
                  new RoundId(block.height(), block.round()), block.commitSealHash()),
              key));
    }
    return prepares;
  }

  @Test
  void everySentMessageKindRoundTrips() {
    for (QbftMessage message : messages(9)) {
      DurableRecord record = new DurableRecord.SentMessage(message);

      DurableRecord decoded = codec.decode(codec.encode(record));

      assertThat(decoded).isEqualTo(record);
      assertThat(decoded.height()).isEqualTo(9);
    }
  }

  @Test
  void aPreparedCertificateRoundTripsWithItsPrepares() {
    ChainBlock block = block(12, 3);
    DurableRecord record =
        new DurableRecord.Prepared(
            new PreparedCertificate(block, 3, prepares(messageCodec, block)));

    DurableRecord.Prepared decoded = (DurableRecord.Prepared) codec.decode(codec.encode(record));

    assertThat(decoded).isEqualTo(record);
    assertThat(decoded.certificate().prepares())
        .extracting(Signed::author)
        .containsExactlyElementsOf(KEYS.subList(0, 3).stream().map(NodeKey::address).toList());
  }

  @Test
  void aDamagedRecordIsCorrupt() {
    Bytes encoded = codec.encode(new DurableRecord.SentMessage(messages(3).get(1)));

    assertThatThrownBy(() -> codec.decode(encoded.slice(0, encoded.size() - 3)))
        .isInstanceOf(DurableRecordCodec.CorruptConsensusRecordException.class);
    assertThatThrownBy(() -> codec.decode(Bytes.fromHex("0xc3070102")))
        .isInstanceOf(DurableRecordCodec.CorruptConsensusRecordException.class);
  }
}
