package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsABurstThenRefusesUntilRefilled() {
    TokenBucket bucket = new TokenBucket(3, 10, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.tryTake(SECOND / 10)).isTrue(); // one token per 100 ms
    assertThat(bucket.tryTake(SECOND / 10)).isFalse();
  }

  @Test
  void slowRatesAccumulateFractionsOfATokenInsteadOfLosingThem() {
    TokenBucket bucket = new TokenBucket(1, 1, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    for (int i = 1; i < 10; i++) {
      assertThat(bucket.tryTake(i * SECOND / 10)).isFalse();
    }
    assertThat(bucket.tryTake(SECOND)).isTrue();
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(2, 1_000, 0);
    long later = 3_600 * SECOND;
    assertThat(bucket.tryTake(later)).isTrue();
    assertThat(bucket.tryTake(later)).isTrue();
    assertThat(bucket.tryTake(later)).isFalse();
  }

  @Test
  void aSustainedRateAtTheLimitIsAllowed() {
    TokenBucket bucket = new TokenBucket(1, 100, 0);
    for (int i = 0; i < 1_000; i++) {
      assertThat(bucket.tryTake(i * SECOND / 100)).isTrue();
    }
  }
}
