package io.fiscus.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProposalSizerTest {
  private static final long MILLIS = 1_000_000;

  @Test
  void beforeAnyBuildTheConfiguredMaximumApplies() {
    assertThat(ProposalSizer.forBlockPeriod(250, 5_000).transactionsMax()).isEqualTo(5_000);
  }

  @Test
  void aSlowBuildShrinksTheNextProposalToFitTheBudget() {
    ProposalSizer sizer = ProposalSizer.forBlockPeriod(1_000, 5_000);

    sizer.built(1_000, 1_000 * MILLIS); // 1 ms a transaction; the budget is 750 ms

    assertThat(sizer.transactionsMax()).isEqualTo(750);
  }

  @Test
  void aFastBuildNeverLiftsTheProposalAboveTheMaximum() {
    ProposalSizer sizer = ProposalSizer.forBlockPeriod(1_000, 5_000);

    sizer.built(5_000, 10 * MILLIS);

    assertThat(sizer.transactionsMax()).isEqualTo(5_000);
  }

  @Test
  void aVerySlowBuildStillLeavesRoomForTheFloor() {
    ProposalSizer sizer = ProposalSizer.forBlockPeriod(100, 5_000);

    sizer.built(100, 10_000 * MILLIS);

    assertThat(sizer.transactionsMax()).isEqualTo(ProposalSizer.TRANSACTIONS_MIN);
  }

  @Test
  void tinyBuildsTeachNothing() {
    ProposalSizer sizer = ProposalSizer.forBlockPeriod(250, 5_000);

    sizer.built(3, 10_000 * MILLIS);

    assertThat(sizer.transactionsMax()).isEqualTo(5_000);
  }

  @Test
  void theCostIsAveragedSoOneOutlierDoesNotHalveTheBlock() {
    ProposalSizer sizer = ProposalSizer.forBlockPeriod(1_000, 100_000);
    sizer.built(1_000, 100 * MILLIS); // 0.1 ms a transaction: 7,500 fit

    sizer.built(1_000, 1_000 * MILLIS); // one build ten times slower

    assertThat(sizer.transactionsMax()).isBetween(2_000, 7_500);
  }

  @Test
  void aFixedSizerIgnoresTime() {
    ProposalSizer sizer = ProposalSizer.fixed(3);

    sizer.built(1_000, 10_000 * MILLIS);

    assertThat(sizer.transactionsMax()).isEqualTo(3);
  }
}
