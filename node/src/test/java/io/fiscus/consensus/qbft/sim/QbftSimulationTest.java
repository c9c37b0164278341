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
 * Many seeded runs per configuration. A failure names its seed; {@code -Dsim.seed=N} replays that
 * one run, {@code -Dsim.runs=N} changes how many seeds each configuration gets (soak testing).
 */
class QbftSimulationTest {

  static Stream<Arguments> configurations() {
    List<Strategy> all = List.of(Strategy.values());
    return Stream.of(
        Arguments.of("n=1 calm", SimConfig.calm(1), 20),
        Arguments.of("n=4 calm", SimConfig.calm(4), 20),
        Arguments.of("n=1 crashes", SimConfig.hostile(1, List.of()), 40),
        Arguments.of("n=4 hostile network", SimConfig.hostile(4, List.of()), 60),
        Arguments.of("n=4 byzantine", SimConfig.hostile(4, List.of(Strategy.MIXED)), 120),
        Arguments.of(
            "n=7 byzantine",
            SimConfig.hostile(7, List.of(Strategy.EQUIVOCATE, Strategy.MIXED)),
            40),
        Arguments.of(
            "n=10 byzantine",
            SimConfig.hostile(
                10, List.of(Strategy.FAKE_CERTIFICATE, Strategy.EQUIVOCATE, Strategy.MIXED)),
            20),
        Arguments.of("n=4 every strategy", null, all.size() - 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void noSafetyViolationAndProgressAfterHealing(String name, SimConfig config, int defaultRuns) {
    Long replay = Long.getLong("sim.seed");
    int runs = Integer.getInteger("sim.runs", defaultRuns);
    long base = Long.getLong("sim.baseSeed", name.hashCode() * 1_000_003L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < (replay != null ? 1 : runs); i++) {
      long seed = replay != null ? replay : base + i;
      SimConfig chosen =
          config != null
              ? config
              : SimConfig.hostile(
                  4, List.of(Strategy.values()[Math.floorMod(seed, Strategy.values().length)]));
      Simulation.Result result = new Simulation(chosen, seed).run();
      if (!result.ok()) {
        failures.add(result.replayHint() + ": " + result.violations());
        System.out.println("FAILED " + result.replayHint() + ": " + result.violations());
      }
    }
    assertThat(failures).isEmpty();
  }
}
