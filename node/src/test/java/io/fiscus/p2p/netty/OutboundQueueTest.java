package io.fiscus.p2p.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundQueueTest {
  @TempDir Path temp;

  @Test
  void aPeerThatStopsReadingHasFramesDroppedWhileSendsKeepReturning() throws Exception {
    PrivateKey rogueKey = TestPeer.newKey();
    PrivateKey nodeKey = TestPeer.newKey();
    Set<Address> validators = Set.of(Secp256k1.address(rogueKey), Secp256k1.address(nodeKey));
    try (TestPeer node =
            new TestPeer(
                    nodeKey,
                    temp.resolve("node"),
                    TestPeer.config(List.of()),
                    () -> validators,
                    Optional.empty())
                .start();
        RoguePeer rogue = RoguePeer.connect(node.network.port(), temp.resolve("rogue"))) {
      rogue.handshake(rogueKey); // and then never reads again
      PeerId rogueId = new PeerId(Secp256k1.signer().publicKey(rogueKey));
      await().atMost(Duration.ofSeconds(10)).until(() -> node.network.isConnected(rogueId));

      Bytes payload = Bytes.wrap(new byte[16 * 1024]);
      int accepted = 0;
      int refused = 0;
      for (int i = 0; i < 20_000; i++) {
        if (node.network.send(rogueId, MessageType.BLOCKS, payload)) {
          accepted++;
        } else {
          refused++;
        }
        node.network.broadcast(MessageType.TRANSACTIONS, payload, peer -> true);
      }

      assertThat(refused).isPositive();
      assertThat(accepted).isPositive();
      assertThat(node.metrics.p2pDroppedFrames.labelValues("blocks").get()).isEqualTo(refused);
      assertThat(node.metrics.p2pDroppedFrames.labelValues("transactions").get()).isPositive();
      assertThat(node.network.isConnected(rogueId)).isTrue();
    }
  }
}
