package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlockTimingTest {
  private static final ChainBlock PARENT = DurableRecordCodecTest.block(7, 0);
  private static final long PARENT_MILLIS = PARENT.timestampSeconds() * 1000;

  @Test
  void aSubSecondPeriodCountsFromTheLocalCommitOfTheParent() {
    BlockTiming timing = new BlockTiming(250, OptionalLong.empty());
    long committedAt = PARENT_MILLIS + 600;
    timing.committed(7, committedAt);

    assertThat(timing.blockTimerDeadline(8, PARENT_MILLIS + 250)).isEqualTo(committedAt + 250);
    assertThat(timing.blockTimerDeadline(9, PARENT_MILLIS + 250)).isEqualTo(PARENT_MILLIS + 250);
  }

  @Test
  void theNextPeriodCountsFromTheParentsBlockTimerSoBuildAndCommitOverlapIt() {
    BlockTiming timing = new BlockTiming(250, OptionalLong.empty());
    timing.blockTimerFired(7, PARENT_MILLIS + 100);
    timing.committed(7, PARENT_MILLIS + 300);

    assertThat(timing.blockTimerDeadline(8, PARENT_MILLIS)).isEqualTo(PARENT_MILLIS + 350);

    timing.committed(8, PARENT_MILLIS + 900);
    assertThat(timing.blockTimerDeadline(9, PARENT_MILLIS))
        .as("a parent whose timer fired elsewhere counts from its commit")
        .isEqualTo(PARENT_MILLIS + 1_150);
  }

  @Test
  void theCoreDeadlineWinsWhenItIsLater() {
    BlockTiming timing = new BlockTiming(2_000, OptionalLong.empty());
    timing.committed(7, PARENT_MILLIS + 100);

    assertThat(timing.blockTimerDeadline(8, PARENT_MILLIS + 2_500))
        .isEqualTo(PARENT_MILLIS + 2_500);
  }

  @Test
  void withoutAnEmptyBlockPeriodAnEmptyPoolAlwaysHolds() {
    BlockTiming timing = new BlockTiming(100, OptionalLong.empty());

    assertThat(timing.mustHold(PARENT, 0, Long.MAX_VALUE)).isTrue();
    assertThat(timing.mustHold(PARENT, 1, PARENT_MILLIS)).isFalse();
  }

  @Test
  void anEmptyBlockIsDueOnceTheEmptyPeriodHasPassedSinceTheParent() {
    BlockTiming timing = new BlockTiming(100, OptionalLong.of(5_000));
    timing.committed(7, PARENT_MILLIS + 300);

    assertThat(timing.emptyBlockAllowedAtMillis(PARENT)).hasValue(PARENT_MILLIS + 5_300);
    assertThat(timing.mustHold(PARENT, 0, PARENT_MILLIS + 5_299)).isTrue();
    assertThat(timing.mustHold(PARENT, 0, PARENT_MILLIS + 5_300)).isFalse();
    assertThat(new BlockTiming(100, OptionalLong.of(0)).mustHold(PARENT, 0, PARENT_MILLIS))
        .isFalse();
  }
}
