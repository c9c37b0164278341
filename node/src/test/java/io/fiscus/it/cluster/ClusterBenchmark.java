package io.fiscus.it.cluster;

import io.fiscus.it.LedgerCalls;
import io.fiscus.it.Wallet;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The 4-validator figures of {@code BENCHMARKS.md}: one {@code fiscus node} process per validator
 * on this machine, transfers from many registered senders pre-signed and offered open-loop in
 * JSON-RPC batches round robin to all validators ({@link OpenLoopSubmitter}), finality stamped by
 * following the head ({@link FinalityStamps}); then round changes per 1,000 blocks (from {@code
 * fiscus_qbft_round_changes_total}), CPU per node ({@code /proc/<pid>/stat}), and the time a fresh
 * full node takes to sync the chain once it is {@code --catchup-blocks} high.
 *
 * <p>Not a test: a main class in test scope because it drives the cluster harness. Run after {@code
 * mvn -pl node install -DskipTests}:
 *
 * <pre>
 * cd node &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.fiscus.it.cluster.ClusterBenchmark \
 *     --block-period-ms 250 --rate 3000 --duration-s 60 --senders 200 --catchup-blocks 0
 * </pre>
 *
 * The load generator shares the machine's cores with the four nodes; its CPU is reported too.
 */
public final class ClusterBenchmark {
  private final Map<String, String> options;

  private ClusterBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] arguments) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("validators", "4");
    options.put("block-period-ms", "250");
    options.put("rate", "3000");
    options.put("duration-s", "60");
    options.put("senders", "200");
    options.put("catchup-blocks", "0");
    options.put("out", "cluster-bench");
    for (int i = 0; i + 1 < arguments.length; i += 2) {
      String name = arguments[i].replaceFirst("^--", "");
      if (!options.containsKey(name)) {
        System.err.println("unknown option " + arguments[i] + "; known: " + options.keySet());
        System.exit(2);
      }
      options.put(name, arguments[i + 1]);
    }
    new ClusterBenchmark(options).run();
  }

  private long number(String name) {
    return Long.parseLong(options.get(name));
  }

  private void run() throws IOException {
    Path out = Path.of(options.get("out")).toAbsolutePath();
    Files.createDirectories(out);
    Path runDirectory = Files.createTempDirectory(out, "run-");
    System.out.printf(
        "machine: %d cores, JDK %s; options %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), options);
    try (Cluster cluster =
        Cluster.builder()
            .validators((int) number("validators"))
            .blockPeriodMillis(number("block-period-ms"))
            .fullNodes(number("catchup-blocks") > 0 ? 1 : 0)
            .build(runDirectory)) {
      try {
        cluster.startValidators();
        cluster.awaitAllAtLeast(2, ClusterTests.FIRST_BLOCKS);
        Map<String, Object> figures = new LinkedHashMap<>(options);
        if (number("rate") > 0) {
          figures.putAll(load(cluster));
        }
        if (number("catchup-blocks") > 0) {
          figures.putAll(catchUp(cluster, number("catchup-blocks")));
        }
        String json =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(figures);
        Files.writeString(out.resolve("cluster-bench-results.json"), json);
        System.out.println(json);
      } catch (RuntimeException | AssertionError failed) {
        System.err.println(cluster.diagnostics());
        throw failed;
      }
    }
  }

  private Map<String, Object> load(Cluster cluster) {
    int senders = (int) number("senders");
    long rate = number("rate");
    long durationSeconds = number("duration-s");
    int total = (int) (rate * durationSeconds);
    int perSender = total / senders + 1;
    List<Credentials> keys = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      keys.add(Credentials.create(Cluster.newKeyPair()));
    }
    register(cluster, keys, perSender);
    System.out.printf("pre-signing %,d transfers from %d senders%n", total, senders);
    List<String> signed = new ArrayList<>(total);
    List<String> hashes = new ArrayList<>(total);
    long chainId = cluster.network().chainId;
    for (int i = 0; i < total; i++) {
      Credentials from = keys.get(i % senders);
      String to = keys.get((i + 1) % senders).getAddress();
      String raw = sign(chainId, from, i / senders, LedgerCalls.transfer(to, 1));
      signed.add(raw);
      hashes.add(Hash.sha3(raw));
    }

    NodeSamples before = NodeSamples.take(cluster);
    FinalityStamps stamps = new FinalityStamps(cluster.node(0), hashes);
    stamps.start();
    OpenLoopSubmitter submitter = new OpenLoopSubmitter(cluster.validators(), signed, rate);
    System.out.printf("offering %,d tx/s for %d s%n", rate, durationSeconds);
    submitter.run();
    // Drain: what was offered may still finalize for a while.
    long drainUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < drainUntil && stamps.finalized() < total) {
      Cluster.sleep(200);
    }
    stamps.close();
    NodeSamples after = NodeSamples.take(cluster);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("offered", total);
    figures.put("submissionErrors", submitter.errors());
    figures.put("finalized", stamps.finalized());
    figures.putAll(stamps.figures(submitter.submittedNanos(), durationSeconds));
    figures.putAll(after.since(before));
    return figures;
  }

  /** Bank A registers every sender at tier 3 (no limits) and funds it; all must succeed. */
  private static void register(Cluster cluster, List<Credentials> keys, long fundsPerSender) {
    ClusterNode node = cluster.node(0);
    Wallet bank =
        new Wallet(node.web3j(), cluster.network().chainId, cluster.network().account("bank-a"));
    String last = null;
    for (Credentials key : keys) {
      bank.send(LedgerCalls.registerAccount(key.getAddress(), 3));
      last = bank.send(LedgerCalls.transfer(key.getAddress(), fundsPerSender));
    }
    if (!Wallet.awaitReceipt(node.web3j(), last, Duration.ofMinutes(2)).isStatusOK()) {
      throw new IllegalStateException("funding the senders failed");
    }
  }

  private static String sign(long chainId, Credentials from, long nonce, LedgerCalls.Call call) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            Wallet.GAS_LIMIT,
            call.to(),
            BigInteger.ZERO,
            call.data(),
            BigInteger.ZERO,
            BigInteger.ZERO);
    return Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, from));
  }

  /**
   * Waits until the chain is at least {@code blocks} high, then starts a full node with an empty
   * data directory and times how long it takes to sync to the head the validators had when it
   * started: every block fetched, its seals checked and re-executed. A full node rather than a
   * stopped validator, because with one of four validators down every fourth height waits out a
   * round timeout, and the figure would measure that timeout instead of sync.
   */
  private static Map<String, Object> catchUp(Cluster cluster, long blocks) {
    ClusterNode witness = cluster.node(0);
    ClusterNode follower = cluster.fullNodes().get(0);
    System.out.printf("catch-up: waiting for the chain to reach #%,d%n", blocks);
    cluster.awaitHeight(witness, blocks, Duration.ofHours(6));
    long target = witness.head().number();
    long transactions = 0;
    for (long number = 1; number <= target; number++) {
      transactions += witness.blockAt(number).transactions();
    }
    long started = System.nanoTime();
    cluster.start(List.of(follower));
    long serving = System.nanoTime();
    cluster.awaitHeight(follower, target, Duration.ofHours(1));
    long caughtUp = System.nanoTime();
    double seconds = (caughtUp - started) / 1e9;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("catchUpBlocks", target);
    figures.put("catchUpTransactions", transactions);
    figures.put("catchUpStartToServingSeconds", (serving - started) / 1e9);
    figures.put("catchUpTotalSeconds", seconds);
    figures.put("catchUpBlocksPerSecond", target / seconds);
    figures.put("catchUpTransactionsPerSecond", transactions / seconds);
    return figures;
  }
}
