package io.fiscus.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and memory of a Linux process, read from {@code /proc/<pid>/stat} and {@code
 * /proc/<pid>/status}. The parsing is separate from the reading so it can be tested.
 */
public final class ProcStats {
  /** Fields after the command name's closing parenthesis: state is field 3, utime 14, stime 15. */
  private static final int UTIME_AFTER_COMMAND = 14 - 3;

  private ProcStats() {}

  /** User plus system CPU of {@code pid}, in clock ticks; empty if it cannot be read. */
  public static OptionalLong cpuTicks(long pid) {
    try {
      return OptionalLong.of(parseCpuTicks(Files.readString(Path.of("/proc", "" + pid, "stat"))));
    } catch (IOException | RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }

  /**
   * Busy CPU of the whole machine (all cores, every process) in clock ticks, from {@code
   * /proc/stat}; empty if it cannot be read. Minus the node's and the generator's CPU, it shows how
   * much other processes took during a run.
   */
  public static OptionalLong machineBusyTicks() {
    try {
      return OptionalLong.of(parseMachineBusyTicks(Files.readString(Path.of("/proc/stat"))));
    } catch (IOException | RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }

  /** user + nice + system + irq + softirq + steal of the aggregate "cpu" line (not idle/iowait). */
  public static long parseMachineBusyTicks(String procStat) {
    String cpuLine =
        procStat.lines().filter(line -> line.startsWith("cpu ")).findFirst().orElseThrow();
    String[] fields = cpuLine.substring(4).trim().split("\\s+", -1);
    long busy = 0;
    for (int field : new int[] {0, 1, 2, 5, 6, 7}) {
      busy += Long.parseLong(fields[field]);
    }
    return busy;
  }

  /** A field of {@code /proc/<pid>/status} in kB (VmRSS, VmHWM…); empty if absent. */
  public static OptionalLong statusKilobytes(long pid, String field) {
    try {
      return parseStatusKilobytes(Files.readString(Path.of("/proc", "" + pid, "status")), field);
    } catch (IOException unreadable) {
      return OptionalLong.empty();
    }
  }

  /**
   * utime + stime from a {@code stat} line. The command name may hold spaces and parentheses, so
   * the fields are counted from its last closing parenthesis.
   */
  public static long parseCpuTicks(String statLine) {
    int commandEnd = statLine.lastIndexOf(')');
    if (commandEnd < 0) {
      throw new IllegalArgumentException("not a /proc stat line");
    }
    String[] fields = statLine.substring(commandEnd + 1).trim().split("\\s+", -1);
    return Long.parseLong(fields[UTIME_AFTER_COMMAND])
        + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]);
  }

  /** The value of {@code field} in a {@code status} text ("VmHWM: 123456 kB"). */
  public static OptionalLong parseStatusKilobytes(String statusText, String field) {
    for (String line : statusText.lines().toList()) {
      if (line.startsWith(field + ":")) {
        String[] parts = line.substring(field.length() + 1).trim().split("\\s+", -1);
        return OptionalLong.of(Long.parseLong(parts[0]));
      }
    }
    return OptionalLong.empty();
  }
}
