package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void defaultsAreOneAndFourValidatorsAtFourThousandPerSecondForThirtySeconds() {
    LoadOptions options = LoadOptions.parse();

    assertThat(options.validatorCounts()).containsExactly(1, 4);
    assertThat(options.rates()).containsExactly(4_000);
    assertThat(options.catchUp()).isTrue();
    assertThat(options.durationSeconds()).isEqualTo(30);
    assertThat(options.blockPeriodMs()).isEqualTo(250);
    assertThat(options.senders()).isEqualTo(2_000);
    assertThat(options.batchSize()).isEqualTo(250);
    assertThat(options.resultsFile()).isEqualTo("bench-results.json");
  }

  @Test
  void quickLowersRateAndDurationButExplicitFlagsWin() {
    assertThat(LoadOptions.parse("--quick").rates()).containsExactly(1_000);
    assertThat(LoadOptions.parse("--quick").validatorCounts()).containsExactly(1, 4);
    assertThat(LoadOptions.parse("--quick").senders()).isEqualTo(500);
    assertThat(LoadOptions.parse("--quick").durationSeconds()).isEqualTo(10);
    LoadOptions both = LoadOptions.parse("--tps", "2000", "--quick");
    assertThat(both.rates()).containsExactly(2_000);
    assertThat(both.durationSeconds()).isEqualTo(10);
  }

  @Test
  void severalRatesGiveSeveralRuns() {
    assertThat(LoadOptions.parse("--tps", "10000,15_000, 20000").rates())
        .isEqualTo(List.of(10_000, 15_000, 20_000));
  }

  @Test
  void networkSizesAreAListAndCatchUpCanBeLeftOut() {
    LoadOptions options = LoadOptions.parse("--validators", "4, 7", "--no-catch-up");

    assertThat(options.validatorCounts()).containsExactly(4, 7);
    assertThat(options.catchUp()).isFalse();
  }

  @Test
  void aCatchUpHeightIsOptionalAndNeedsTheCatchUp() {
    assertThat(LoadOptions.parse().catchUpHeight()).isEmpty();
    assertThat(LoadOptions.parse("--catch-up-height", "10_000").catchUpHeight()).contains(10_000L);
    assertThatThrownBy(() -> LoadOptions.parse("--catch-up-height", "100", "--no-catch-up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contradict");
  }

  @Test
  void aMisbehavingPeerJoinsOnlyWhenAsked() {
    assertThat(LoadOptions.parse().misbehavingPeer()).isFalse();
    assertThat(LoadOptions.parse("--quick", "--misbehaving-peer").misbehavingPeer()).isTrue();
  }

  @Test
  void nodeJvmOptionsSplitOnWhitespace() {
    assertThat(
            LoadOptions.parse("--node-jvm-opts", " -Xmx2g  -XX:+AlwaysPreTouch").nodeJvmOptions())
        .containsExactly("-Xmx2g", "-XX:+AlwaysPreTouch");
  }

  @Test
  void aBadValueNamesItsFlag() {
    assertThatThrownBy(() -> LoadOptions.parse("--tps", "fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tps");
    assertThatThrownBy(() -> LoadOptions.parse("--senders", "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadOptions.parse("--frobnicate", "1"))
        .hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> LoadOptions.parse("--batch", "2000")).hasMessageContaining("1024");
    assertThatThrownBy(() -> LoadOptions.parse("--validators", "33"))
        .hasMessageContaining("--validators must be 1..32");
    assertThatThrownBy(() -> LoadOptions.parse("--validators", "0"))
        .hasMessageContaining("--validators");
  }
}
