package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void batchesAreDueAtEvenlySpacedInstantsFromTheStart() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(10_000, 30, 250);

    assertThat(schedule.totalTransactions()).isEqualTo(300_000);
    assertThat(schedule.batchCount()).isEqualTo(1_200);
    assertThat(schedule.intervalNanos()).isEqualTo(25_000_000L);
    assertThat(schedule.dueNanos(0)).isZero();
    assertThat(schedule.dueNanos(1)).isEqualTo(25_000_000L);
    assertThat(schedule.dueNanos(1_199)).isEqualTo(29_975_000_000L);
  }

  @Test
  void anUnevenRateDoesNotDriftBecauseEachInstantIsComputedFromTheStart() {
    // 250 transactions at 3,000 tx/s: 83.33 ms apart, which a fixed integer interval would round.
    OpenLoopSchedule schedule = new OpenLoopSchedule(3_000, 10, 250);

    assertThat(schedule.intervalNanos()).isEqualTo(83_333_333L);
    assertThat(schedule.dueNanos(3)).isEqualTo(250_000_000L);
    assertThat(schedule.dueNanos(119)).isEqualTo(9_916_666_666L);
  }

  @Test
  void theLastBatchIsShortWhenTheTotalIsNotAMultipleOfTheBatchSize() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 1, 300);

    assertThat(schedule.batchCount()).isEqualTo(4);
    assertThat(schedule.firstTransaction(3)).isEqualTo(900);
    assertThat(schedule.endTransaction(3)).isEqualTo(1_000);
    assertThat(schedule.endTransaction(2)).isEqualTo(900);
  }

  @Test
  void batchesCoverEveryTransactionExactlyOnce() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(7_777, 3, 250);
    int next = 0;
    for (int batch = 0; batch < schedule.batchCount(); batch++) {
      assertThat(schedule.firstTransaction(batch)).isEqualTo(next);
      next = schedule.endTransaction(batch);
    }
    assertThat(next).isEqualTo(schedule.totalTransactions());
  }

  @Test
  void refusesBatchesLargerThanTheNodeAccepts() {
    assertThatThrownBy(() -> new OpenLoopSchedule(10_000, 30, 1_025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }

  @Test
  void refusesABatchOutsideTheSchedule() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 1, 250);
    assertThatThrownBy(() -> schedule.dueNanos(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
