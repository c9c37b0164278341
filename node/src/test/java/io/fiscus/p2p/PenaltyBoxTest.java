package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Bytes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PenaltyBoxTest {
  private final AtomicLong now = new AtomicLong();
  private final PenaltyBox box =
      new PenaltyBox(Duration.ofSeconds(10), Duration.ofMinutes(10), 4, now::get);

  @Test
  void barsForTenSecondsDoublingUpToTenMinutes() {
    PeerId peer = peer(1);
    assertThat(box.penalize(peer)).isEqualTo(Duration.ofSeconds(10));
    assertThat(box.penalize(peer)).isEqualTo(Duration.ofSeconds(20));
    assertThat(box.penalize(peer)).isEqualTo(Duration.ofSeconds(40));
    for (int i = 0; i < 10; i++) {
      box.penalize(peer);
    }
    assertThat(box.penalize(peer)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aBarEndsAfterItsDuration() {
    PeerId peer = peer(1);
    box.penalize(peer);
    assertThat(box.isPenalized(peer)).isTrue();
    advance(Duration.ofSeconds(9));
    assertThat(box.remaining(peer)).isEqualTo(Duration.ofSeconds(1));
    advance(Duration.ofSeconds(1));
    assertThat(box.isPenalized(peer)).isFalse();
    assertThat(box.isPenalized(peer(2))).isFalse();
  }

  @Test
  void aPeerCleanForTheLongestBarStartsAgainFromTheShortest() {
    PeerId peer = peer(1);
    box.penalize(peer);
    box.penalize(peer);
    advance(Duration.ofSeconds(20).plus(Duration.ofMinutes(10)).plusSeconds(1));
    assertThat(box.penalize(peer)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void remembersAtMostItsBoundOfPeersDroppingExpiredOnes() {
    for (int i = 1; i <= 4; i++) {
      box.penalize(peer(i));
    }
    advance(Duration.ofSeconds(11));
    box.penalize(peer(5));
    assertThat(box.isPenalized(peer(5))).isTrue();
    assertThat(box.penalize(peer(1))).isEqualTo(Duration.ofSeconds(10));
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  private static PeerId peer(int n) {
    byte[] key = new byte[64];
    key[63] = (byte) n;
    return new PeerId(Bytes.wrap(key));
  }
}
