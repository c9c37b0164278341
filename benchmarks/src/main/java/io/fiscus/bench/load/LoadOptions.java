package io.fiscus.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code scripts/bench}'s load benchmark. {@code --quick} changes the defaults
 * of rate and duration; an explicit {@code --tps} or {@code --duration} still wins.
 *
 * @param validatorCounts network sizes; every size runs every rate
 * @param rates offered rates, one run (on a fresh network) per size and rate
 * @param durationSeconds how long each run offers load
 * @param blockPeriodMs the genesis block period
 * @param senders sending accounts, registered and funded in setup
 * @param batchSize transactions per JSON-RPC batch
 * @param connections HTTP connections (sender threads) of the load generator
 * @param pollIntervalMs the finality poller's period
 * @param drainSeconds how long to wait after the last submission for finality to stop progressing
 * @param recoveries signatures recovered to measure the machine's recovery rate
 * @param catchUp after each run, time a fresh full node syncing the run's chain
 * @param catchUpHeight before the catch-up, let the network grow to this height with an empty block
 *     at every period (the genesis gets {@code emptyblockperiodseconds: 0})
 * @param misbehavingPeer connect an allowed peer that floods and sends garbage during the load
 * @param blockGasLimit a block gas limit written into the generated genesis, if given
 * @param nodeClasspath the node's classpath, if not this JVM's
 * @param nodeJvmOptions extra JVM options for the node
 * @param resultsFile where the JSON results go
 * @param keep keep the temporary network directory
 * @param help print usage only
 */
public record LoadOptions(
    List<Integer> validatorCounts,
    List<Integer> rates,
    int durationSeconds,
    int blockPeriodMs,
    int senders,
    int batchSize,
    int connections,
    int pollIntervalMs,
    int drainSeconds,
    int recoveries,
    boolean catchUp,
    Optional<Long> catchUpHeight,
    boolean misbehavingPeer,
    Optional<Long> blockGasLimit,
    Optional<String> nodeClasspath,
    List<String> nodeJvmOptions,
    String resultsFile,
    boolean keep,
    boolean help) {

  public static final String USAGE =
      """
      usage: scripts/bench [--quick] [--validators N[,N...]] [--tps N[,N...]] [--duration S]
                           [--block-period-ms MS] [--senders N] [--batch N] [--connections N]
                           [--poll-ms MS] [--drain-seconds S] [--recoveries N] [--no-catch-up]
                           [--catch-up-height H] [--block-gas-limit GAS] [--node-jvm-opts "OPTS"]
                           [--out FILE] [--keep] [--misbehaving-peer]
             scripts/bench --jmh [PATTERN [JMH flags]]     the JMH micro-benchmarks instead
        defaults: --validators 1,4 --tps 4000 --duration 30 --block-period-ms 250 --senders 2000
                  --batch 250 --connections 4 --poll-ms 10 --drain-seconds 30 --recoveries 20000
                  --out bench-results.json;  --quick: --tps 1000 --duration 10 --senders 500
        one run, on a fresh network, per network size and rate; node logs go to bench-logs/
        beside the results file
      """;

  public LoadOptions {
    validatorCounts = List.copyOf(validatorCounts);
    rates = List.copyOf(rates);
    if (validatorCounts.isEmpty() || rates.isEmpty()) {
      throw new IllegalArgumentException("give at least one network size and one rate");
    }
    for (int validators : validatorCounts) {
      if (validators < 1 || validators > VALIDATORS_MAX) {
        throw new IllegalArgumentException(
            "--validators must be 1.." + VALIDATORS_MAX + ", got " + validators);
      }
    }
    nodeJvmOptions = List.copyOf(nodeJvmOptions);
    for (int rate : rates) {
      new OpenLoopSchedule(rate, durationSeconds, batchSize); // validates the combination
    }
    if (blockPeriodMs <= 0 || senders < 2 || connections <= 0 || pollIntervalMs <= 0) {
      throw new IllegalArgumentException(
          "block period, connections and poll interval must be positive; senders at least 2");
    }
    if (catchUpHeight.isPresent() && !catchUp) {
      throw new IllegalArgumentException("--catch-up-height and --no-catch-up contradict");
    }
    if (drainSeconds <= 0 || recoveries <= 0) {
      throw new IllegalArgumentException("drain seconds and recoveries must be positive");
    }
  }

  /** The generator's bound (fiscus genesis generate --validators). */
  public static final int VALIDATORS_MAX = 32;

  /** Parses the arguments; a bad one is an {@link IllegalArgumentException} naming it. */
  public static LoadOptions parse(String... arguments) {
    boolean quick = List.of(arguments).contains("--quick");
    List<Integer> validators = List.of(1, 4);
    List<Integer> rates = List.of(quick ? 1_000 : 4_000);
    int duration = quick ? 10 : 30;
    int blockPeriod = 250;
    int senders = quick ? 500 : 2_000;
    int batch = 250;
    int connections = 4;
    int poll = 10;
    int drain = 30;
    int recoveries = 20_000;
    boolean catchUp = true;
    Optional<Long> catchUpHeight = Optional.empty();
    boolean misbehavingPeer = false;
    Optional<Long> gasLimit = Optional.empty();
    Optional<String> classpath = Optional.empty();
    List<String> jvmOptions = List.of();
    String out = "bench-results.json";
    boolean keep = false;
    boolean help = false;
    for (int i = 0; i < arguments.length; i++) {
      String flag = arguments[i];
      switch (flag) {
        case "--quick" -> {}
        case "--keep" -> keep = true;
        case "--no-catch-up" -> catchUp = false;
        case "--misbehaving-peer" -> misbehavingPeer = true;
        case "--help", "-h" -> help = true;
        default -> {
          if (i + 1 >= arguments.length) {
            throw new IllegalArgumentException("unknown flag or missing value: " + flag);
          }
          String value = arguments[++i];
          switch (flag) {
            case "--validators" -> validators = positives(flag, value);
            case "--tps" -> rates = positives(flag, value);
            case "--duration" -> duration = positive(flag, value);
            case "--block-period-ms" -> blockPeriod = positive(flag, value);
            case "--senders" -> senders = positive(flag, value);
            case "--batch" -> batch = positive(flag, value);
            case "--connections" -> connections = positive(flag, value);
            case "--poll-ms" -> poll = positive(flag, value);
            case "--drain-seconds" -> drain = positive(flag, value);
            case "--recoveries" -> recoveries = positive(flag, value);
            case "--catch-up-height" -> catchUpHeight = Optional.of((long) positive(flag, value));
            case "--block-gas-limit" -> gasLimit = Optional.of((long) positive(flag, value));
            case "--node-classpath" -> classpath = Optional.of(value);
            case "--node-jvm-opts" -> jvmOptions = splitOptions(value);
            case "--out" -> out = value;
            default -> throw new IllegalArgumentException("unknown flag: " + flag);
          }
        }
      }
    }
    return new LoadOptions(
        validators,
        rates,
        duration,
        blockPeriod,
        senders,
        batch,
        connections,
        poll,
        drain,
        recoveries,
        catchUp,
        catchUpHeight,
        misbehavingPeer,
        gasLimit,
        classpath,
        jvmOptions,
        out,
        keep,
        help);
  }

  private static List<Integer> positives(String flag, String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String number : value.split(",", -1)) {
      numbers.add(positive(flag, number.trim()));
    }
    return numbers;
  }

  private static List<String> splitOptions(String value) {
    return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+", -1));
  }

  private static int positive(String flag, String value) {
    try {
      int parsed = Integer.parseInt(value.replace("_", ""));
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the flag's name.
    }
    throw new IllegalArgumentException(
        flag + " needs a positive whole number, got '" + value + "'");
  }
}
