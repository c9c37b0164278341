package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

  @Test
  void cpuTicksAreUserPlusSystemTimeCountedAfterTheCommandName() {
    // A command name with a space and a parenthesis, as a JVM thread name can have.
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 30 0 100"
            + " 4000000000 200000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(1_234 + 567);
  }

  @Test
  void statusFieldsAreReadInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  912345 kB\nVmRSS:\t  800000 kB\n";

    assertThat(ProcStats.parseStatusKilobytes(status, "VmHWM")).hasValue(912_345);
    assertThat(ProcStats.parseStatusKilobytes(status, "VmRSS")).hasValue(800_000);
    assertThat(ProcStats.parseStatusKilobytes(status, "VmSwap")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void machineBusyTimeCountsEverythingButIdleAndIowait() {
    String procStat =
        "cpu  100 2 30 5000 70 4 5 6 0 0\ncpu0 50 1 15 2500 35 2 2 3 0 0\nintr 1 2 3\n";

    assertThat(ProcStats.parseMachineBusyTicks(procStat)).isEqualTo(100 + 2 + 30 + 4 + 5 + 6);
  }

  @Test
  void thisProcessHasReadableCpuTimeAndResidentSet() {
    long pid = ProcessHandle.current().pid();

    assertThat(ProcStats.cpuTicks(pid)).isPresent();
    assertThat(ProcStats.statusKilobytes(pid, "VmRSS").orElseThrow()).isPositive();
    assertThat(ProcStats.machineBusyTicks().orElseThrow()).isPositive();
  }
}
