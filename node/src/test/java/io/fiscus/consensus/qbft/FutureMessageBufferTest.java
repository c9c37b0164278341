package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Hash;
import org.junit.jupiter.api.Test;

class FutureMessageBufferTest {
  private static final NodeKey KEY = QbftMessageCodecTest.key(1);

  private static QbftMessage prepare(long height, int round) {
    Payload.Prepare payload = new Payload.Prepare(new RoundId(height, round), Hash.ZERO);
    return new QbftMessage.Prepare(new Signed<>(payload, KEY.sign(Hash.ZERO), KEY.address()));
  }

  @Test
  void messagesBeyondTheDistanceAreDropped() {
    FutureMessageBuffer buffer = new FutureMessageBuffer(10, 1000);

    assertThat(buffer.add(prepare(15, 0), 5).isValid()).isTrue();
    assertThat(buffer.add(prepare(16, 0), 5))
        .isEqualTo(Validation.invalid(Reason.FUTURE_HEIGHT_TOO_FAR, "height 16"));
  }

  @Test
  void whenFullTheFurthestHeightIsEvictedToMakeRoomForANearerOne() {
    FutureMessageBuffer buffer = new FutureMessageBuffer(10, 2);
    buffer.add(prepare(3, 0), 1);
    buffer.add(prepare(9, 0), 1);

    assertThat(buffer.add(prepare(4, 0), 1).isValid()).isTrue();
    assertThat(buffer.add(prepare(9, 1), 1))
        .isInstanceOfSatisfying(
            Validation.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(Reason.FUTURE_BUFFER_FULL));
    assertThat(buffer.size()).isEqualTo(2);
    assertThat(buffer.takeFor(9)).isEmpty();
  }

  @Test
  void takingAHeightReturnsItsMessagesInArrivalOrderAndDropsLowerHeights() {
    FutureMessageBuffer buffer = new FutureMessageBuffer(10, 100);
    buffer.add(prepare(2, 0), 1);
    buffer.add(prepare(3, 1), 1);
    buffer.add(prepare(3, 0), 1);
    buffer.add(prepare(4, 0), 1);

    assertThat(buffer.takeFor(3)).containsExactly(prepare(3, 1), prepare(3, 0));
    assertThat(buffer.size()).isEqualTo(1);
    assertThat(buffer.takeFor(2)).isEmpty();
  }
}
