package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.PreparedCertificate;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.storage.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusLogTest {
  private final FakeKeyValueStore store = new FakeKeyValueStore();
  private final ChainBlockCodec blockCodec = new ChainBlockCodec();
  private final QbftMessageCodec messageCodec =
      new QbftMessageCodec(blockCodec, Secp256k1.recovery());
  private final DurableRecordCodec codec = new DurableRecordCodec(messageCodec, blockCodec);
  private final DurableRecordCodecTest messages = new DurableRecordCodecTest();

  private List<DurableRecord> recordsAt(long height) {
    List<DurableRecord> records = new ArrayList<>();
    for (QbftMessage message : messages.messages(height)) {
      records.add(new DurableRecord.SentMessage(message));
    }
    ChainBlock block = DurableRecordCodecTest.block(height, 1);
    records.add(
        new DurableRecord.Prepared(
            new PreparedCertificate(
                block, 1, DurableRecordCodecTest.prepares(messageCodec, block))));
    return records;
  }

  @Test
  void aRestartedLogLoadsEveryRecordInHeightAndWriteOrder() {
    ConsensusLog log = new ConsensusLog(store, codec);
    assertThat(log.load()).isEmpty();
    List<DurableRecord> atFive = recordsAt(5);
    List<DurableRecord> atFour = recordsAt(4);
    log.append(atFive.subList(0, 2));
    log.append(atFour);
    log.append(atFive.subList(2, atFive.size()));

    ConsensusLog restarted = new ConsensusLog(store, codec);
    List<DurableRecord> expected = new ArrayList<>(atFour);
    expected.addAll(atFive);

    assertThat(restarted.load()).containsExactlyElementsOf(expected);
    restarted.append(recordsAt(6).subList(0, 1));
    assertThat(new ConsensusLog(store, codec).load()).hasSize(expected.size() + 1);
  }

  @Test
  void eachAppendIsOneBatchAndCarriesThePruningOfDecidedHeights() {
    ConsensusLog log = new ConsensusLog(store, codec);
    log.load();
    log.append(recordsAt(1));
    log.append(recordsAt(2));
    int commitsBefore = store.commits;

    log.pruneBelow(2);
    assertThat(store.commits).isEqualTo(commitsBefore);
    List<DurableRecord> atThree = recordsAt(3);
    log.append(atThree);

    assertThat(store.commits).isEqualTo(commitsBefore + 1);
    List<DurableRecord> expected = new ArrayList<>(recordsAt(2));
    expected.addAll(atThree);
    assertThat(new ConsensusLog(store, codec).load()).containsExactlyElementsOf(expected);
    assertThat(store.size(Column.CONSENSUS)).isEqualTo(expected.size());
  }

  @Test
  void appendingBeforeLoadingIsRefused() {
    ConsensusLog log = new ConsensusLog(store, codec);

    assertThatThrownBy(() -> log.append(recordsAt(1))).isInstanceOf(IllegalStateException.class);
  }
}
