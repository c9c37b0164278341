package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundChangesTest {

  private static RunFigures.NodeWindow node(
      double blocksBefore, double blocksAfter, double roundsBefore, double roundsAfter) {
    return new RunFigures.NodeWindow(
        "validator",
        1_000_000_000L,
        500_000_000L,
        1024,
        2048,
        Optional.of(
            Map.of(
                "fiscus_blocks_total", blocksBefore,
                "fiscus_qbft_round_changes_total", roundsBefore)),
        Optional.of(
            Map.of(
                "fiscus_blocks_total", blocksAfter,
                "fiscus_qbft_round_changes_total", roundsAfter)),
        0);
  }

  @Test
  void roundChangesPerThousandBlocksAreTheValidatorsMeanOverTheBlocksCommitted() {
    // 400 blocks in the window; the four validators started 2, 2, 3 and 1 rounds above 0.
    List<RunFigures.NodeWindow> nodes =
        List.of(
            node(100, 500, 0, 2), node(100, 500, 5, 7), node(99, 499, 1, 4), node(100, 500, 0, 1));

    assertThat(RunFigures.roundChangesPer1000Blocks(nodes)).isEqualByComparingTo("5.0");
  }

  @Test
  void aNodeThatDidNotAnswerItsScrapeIsLeftOutOfTheMean() {
    RunFigures.NodeWindow silent =
        new RunFigures.NodeWindow(
            "validator", 1, 1, 1, 1, Optional.empty(), Optional.of(Map.of()), 0);

    assertThat(RunFigures.roundChangesPer1000Blocks(List.of(node(0, 200, 0, 1), silent)))
        .isEqualByComparingTo("5.0");
  }

  @Test
  void noBlocksOrNoAnswersGiveZeroRatherThanAnError() {
    assertThat(RunFigures.roundChangesPer1000Blocks(List.of(node(7, 7, 0, 3))))
        .isEqualByComparingTo("0");
    assertThat(RunFigures.roundChangesPer1000Blocks(List.of())).isEqualByComparingTo("0");
  }
}
