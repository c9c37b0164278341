package io.fiscus.consensus.qbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.consensus.qbft.sim.Byzantine.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many seeded runs per configuration; each checks agreement, validity, no double signing and
 * liveness after healing. A failure names its seed: {@code -Dsim.seed=N} replays that run alone,
 * {@code -Dsim.runs=N} sets the number of seeds per configuration (soak testing), {@code
 * -Dsim.only=TEXT} runs only the configurations whose name contains TEXT.
 */
class QbftSimulationTest {

  static Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (int n : new int[] {1, 4, 7, 10}) {
      all.add(Arguments.of("n=" + n + " calm", SimConfig.calm(n), 5));
    }
    all.add(Arguments.of("n=1 crashes", SimConfig.hostile(1, List.of()), 100));
    all.add(Arguments.of("n=4 hostile network", SimConfig.hostile(4, List.of()), 200));
    all.add(Arguments.of("n=7 hostile network", SimConfig.hostile(7, List.of()), 60));
    for (Strategy strategy : Strategy.values()) {
      all.add(Arguments.of("n=4 " + strategy, SimConfig.hostile(4, List.of(strategy)), 60));
    }
    all.add(
        Arguments.of(
            "n=7 equivocate+mixed",
            SimConfig.hostile(7, List.of(Strategy.EQUIVOCATE, Strategy.MIXED)),
            100));
    all.add(
        Arguments.of(
            "n=10 fake certificate+equivocate+mixed",
            SimConfig.hostile(
                10, List.of(Strategy.FAKE_CERTIFICATE, Strategy.EQUIVOCATE, Strategy.MIXED)),
            80));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void noSafetyViolationAndProgressAfterHealing(String name, SimConfig config, int defaultRuns) {
    String only = System.getProperty("sim.only");
    org.junit.jupiter.api.Assumptions.assumeTrue(only == null || name.contains(only));
    Long replay = Long.getLong("sim.seed");
    int runs = replay != null ? 1 : Integer.getInteger("sim.runs", defaultRuns);
    long base = Long.getLong("sim.baseSeed", name.hashCode() * 1_000_003L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long seed = replay != null ? replay : base + i;
      SimResult result = new Simulation(config, seed).run();
      if (!result.ok()) {
        String failure = "FAILED " + name + " " + result.replayHint() + ": " + result.violations();
        System.out.println(failure);
        failures.add(failure);
      }
    }
    assertThat(failures).isEmpty();
  }
}
