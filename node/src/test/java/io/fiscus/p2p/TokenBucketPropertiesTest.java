package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The bucket's invariants on generated clocks; it meters both peers' frames and JSON-RPC clients
 * (io.fiscus.rpc.limits).
 */
class TokenBucketPropertiesTest {
  private static final long SECOND = 1_000_000_000L;

  @Property
  void neverAdmitsMoreThanTheBurstPlusTheRateTimesTheElapsedTime(
      @ForAll @LongRange(min = 1, max = 10_000) long perSecond,
      @ForAll @LongRange(min = 1, max = 1_000) long burst,
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 50_000_000) Long> gapsNanos) {
    long start = 123_456_789L;
    TokenBucket bucket = new TokenBucket(burst, perSecond, start);
    long now = start;
    long admitted = 0;
    for (long gap : gapsNanos) {
      now += gap;
      if (bucket.tryTake(now)) {
        admitted++;
      }
      long allowance = burst + (now - start) * perSecond / SECOND;
      assertThat(admitted).isLessThanOrEqualTo(allowance);
    }
  }

  @Property
  void aClientThatWaitsForItsRateIsAlwaysAdmitted(
      @ForAll @LongRange(min = 1, max = 10_000) long perSecond,
      @ForAll @LongRange(min = 1, max = 1_000) long burst,
      @ForAll @IntRange(min = 1, max = 200) int requests) {
    TokenBucket bucket = new TokenBucket(burst, perSecond, 0);
    long interval = (SECOND + perSecond - 1) / perSecond;
    for (int i = 1; i <= requests; i++) {
      assertThat(bucket.tryTake(i * interval)).isTrue();
    }
  }

  @Property
  void startsFullAdmittingExactlyTheBurstAtOnce(
      @ForAll @LongRange(min = 1, max = 10_000) long perSecond,
      @ForAll @LongRange(min = 1, max = 1_000) long burst) {
    TokenBucket bucket = new TokenBucket(burst, perSecond, 7);
    for (long i = 0; i < burst; i++) {
      assertThat(bucket.tryTake(7)).isTrue();
    }
    assertThat(bucket.tryTake(7)).isFalse();
  }

  @Example
  void aRefusalTakesNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.tryTake(SECOND / 2)).isFalse();
    }
    assertThat(bucket.tryTake(SECOND)).isTrue();
  }

  @Example
  void aClockThatStepsBackRefillsNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, SECOND);
    assertThat(bucket.tryTake(SECOND)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.tryTake(SECOND + SECOND - 1)).isFalse();
    assertThat(bucket.tryTake(2 * SECOND)).isTrue();
  }
}
