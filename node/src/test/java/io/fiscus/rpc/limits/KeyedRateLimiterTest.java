package io.fiscus.rpc.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.rpc.limits.KeyedRateLimiter.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(5 * SECOND);

  private KeyedRateLimiter<String> limiter(long perSecond, long burst, int keysMax) {
    return new KeyedRateLimiter<>(new RateLimit(perSecond, burst), keysMax, clock::get);
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    KeyedRateLimiter<String> limiter = limiter(1, 2, 10);
    assertThat(limiter.tryAcquire("a")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.tryAcquire("a")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.tryAcquire("a")).isEqualTo(Outcome.OVER_RATE);
    assertThat(limiter.tryAcquire("b")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.tryAcquire("b")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.tryAcquire("b")).isEqualTo(Outcome.OVER_RATE);
  }

  @Test
  void aKeyUnusedForAsLongAsItsBucketTakesToRefillIsForgotten() {
    KeyedRateLimiter<String> limiter = limiter(10, 5, 10); // refills from empty in 500 ms
    limiter.tryAcquire("idle");
    limiter.tryAcquire("busy");
    assertThat(limiter.trackedKeys()).isEqualTo(2);
    clock.addAndGet(SECOND / 2 - 1);
    limiter.tryAcquire("busy");
    limiter.sweepNow();
    assertThat(limiter.trackedKeys()).isEqualTo(2);
    clock.addAndGet(1);
    limiter.sweepNow();
    assertThat(limiter.trackedKeys()).isEqualTo(1);
    clock.addAndGet(SECOND / 2);
    limiter.sweepNow();
    assertThat(limiter.trackedKeys()).isZero();
  }

  @Test
  void manyKeysStayBoundedAndIdleOnesMakeRoomForNewOnes() {
    KeyedRateLimiter<String> limiter = limiter(100, 1, 1_000);
    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.tryAcquire("ip-" + i)).isEqualTo(Outcome.ADMITTED);
    }
    assertThat(limiter.tryAcquire("one-too-many")).isEqualTo(Outcome.TOO_MANY_KEYS);
    assertThat(limiter.trackedKeys()).isEqualTo(1_000);
    // A second later every bucket is full again; the next new key sweeps them away.
    clock.addAndGet(KeyedRateLimiter.SWEEP_INTERVAL_NANOS);
    assertThat(limiter.tryAcquire("one-too-many")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.trackedKeys()).isEqualTo(1);
  }

  @Test
  void aFullTableStillServesTheKeysItTracks() {
    KeyedRateLimiter<String> limiter = limiter(1, 3, 1);
    assertThat(limiter.tryAcquire("known")).isEqualTo(Outcome.ADMITTED);
    assertThat(limiter.tryAcquire("stranger")).isEqualTo(Outcome.TOO_MANY_KEYS);
    assertThat(limiter.tryAcquire("known")).isEqualTo(Outcome.ADMITTED);
  }

  @Test
  void withTheLimitOffEverythingIsAdmittedAndNothingTracked() {
    KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(RateLimit.off(), 1, clock::get);
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.tryAcquire("ip-" + (i % 7))).isEqualTo(Outcome.ADMITTED);
    }
    assertThat(limiter.trackedKeys()).isZero();
  }
}
