package io.fiscus.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.contracts.RandomCalls.Step;
import io.fiscus.contracts.system.CallOutcome;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DeterminismTest {
  @Provide
  Arbitrary<List<Step>> sequences() {
    return RandomCalls.sequences();
  }

  @Property(tries = 100)
  void theSameCallsOnTwoFreshStatesGiveIdenticalWritesAndLogs(
      @ForAll("sequences") List<Step> steps) {
    Ledger first = Ledger.standard();
    Ledger second = Ledger.standard();
    List<CallOutcome> firstOutcomes = run(first, steps);
    List<CallOutcome> secondOutcomes = run(second, steps);
    assertThat(secondOutcomes).isEqualTo(firstOutcomes);
    assertThat(second.state.sortedStorageWrites()).isEqualTo(first.state.sortedStorageWrites());
  }

  private static List<CallOutcome> run(Ledger ledger, List<Step> steps) {
    RandomCalls calls = new RandomCalls();
    List<CallOutcome> outcomes = new ArrayList<>();
    for (Step step : steps) {
      outcomes.add(calls.run(ledger, step));
    }
    return outcomes;
  }
}
