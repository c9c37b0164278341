package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One load run against one freshly generated network of N validators: generate, start the nodes,
 * set up senders through validator 1, pre-sign, offer the open loop to every validator in turn,
 * drain, measure, then (if asked) time a fresh full node's catch-up, and stop every node.
 */
public final class LoadRun {
  static final long CHAIN_ID = 1337;
  private static final long FUNDS_PER_SENDER = 1_000_000;
  private static final Pattern BANS_SERIES =
      Pattern.compile("fiscus_p2p_bans_total\\{reason=\"([a-z_]+)\"}");

  private final LoadOptions options;
  private final NodeProcess.Launcher launcher;
  private final PrintStream out;
  private final long clockTicksPerSecond;

  public LoadRun(
      LoadOptions options,
      NodeProcess.Launcher launcher,
      PrintStream out,
      long clockTicksPerSecond) {
    this.options = options;
    this.launcher = launcher;
    this.out = out;
    this.clockTicksPerSecond = clockTicksPerSecond;
  }

  /**
   * Runs {@code validators} validators at {@code offeredTps} in {@code workDir}; every node's log
   * is copied into {@code logDirectory} afterwards, whatever happened.
   */
  public BenchResults.Run run(int validators, int offeredTps, Path workDir, Path logDirectory) {
    LocalNetwork network =
        LocalNetwork.generate(launcher, workDir, validators, CHAIN_ID, options.blockPeriodMs());
    long gasLimit = rewriteGenesis(network.networkDirectory().resolve("genesis.json"));
    Transactions transactions = new Transactions(CHAIN_ID);
    long perBlock = gasLimit / transactions.transferGas();
    out.printf(
        "  block gas limit %,d = %,d transfers per block = at most %,d transfers/s at %d ms%n",
        gasLimit, perBlock, perBlock * 1000 / options.blockPeriodMs(), options.blockPeriodMs());
    try (network) {
      network.startValidators();
      for (int v = 0; v < validators; v++) {
        NodeProcess node = network.validators().get(v);
        out.printf(
            "  %s pid %d, RPC %s%n", network.validatorNames().get(v), node.pid(), node.rpcUri());
      }
      BenchResults.Run run = measure(network, transactions, offeredTps);
      if (options.catchUp()) {
        out.println("  catch-up: a fresh full node syncs the run's chain...");
        JsonRpcClient witness = new JsonRpcClient(network.validators().get(0).rpcUri());
        options.catchUpHeight().ifPresent(height -> CatchUpRun.awaitHeight(witness, height, out));
        run = run.withCatchUp(CatchUpRun.measure(network, witness));
      }
      return run;
    } finally {
      copyLogs(workDir, logDirectory);
    }
  }

  private BenchResults.Run measure(
      LocalNetwork network, Transactions transactions, int offeredTps) {
    JsonRpcClient rpc = new JsonRpcClient(network.validators().get(0).rpcUri());
    List<PrivateKey> keys = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    for (int i = 0; i < options.senders(); i++) {
      PrivateKey key = senderKey(i);
      keys.add(key);
      senders.add(Secp256k1.address(key));
    }
    DemoAccounts accounts = DemoAccounts.read(network.networkDirectory().resolve("accounts.json"));
    long setupStart = System.nanoTime();
    int setupCount =
        new NetworkSetup(rpc, transactions)
            .run(accounts.get("central-bank"), accounts.get("bank-a"), senders, FUNDS_PER_SENDER);
    out.printf(
        "  setup: %,d transactions through validator 1 (limits, mint, register and fund %,d"
            + " senders) in %s s%n",
        setupCount, senders.size(), BenchResults.seconds(System.nanoTime() - setupStart));

    OpenLoopSchedule schedule =
        new OpenLoopSchedule(offeredTps, options.durationSeconds(), options.batchSize());
    long signStart = System.nanoTime();
    PresignedLoad load =
        PresignedLoad.sign(schedule, transactions, keys, senders, new long[senders.size()]);
    out.printf(
        "  pre-signed %,d transfers in %,d batches in %s s; offering %,d tx/s for %d s%n",
        schedule.totalTransactions(),
        schedule.batchCount(),
        BenchResults.seconds(System.nanoTime() - signStart),
        offeredTps,
        options.durationSeconds());
    System.gc();
    return offer(network, rpc, load, offeredTps);
  }

  private BenchResults.Run offer(
      LocalNetwork network, JsonRpcClient rpc, PresignedLoad load, int offeredTps) {
    List<NodeProcess> nodes = network.validators();
    List<JsonRpcClient> targets = nodes.stream().map(n -> new JsonRpcClient(n.rpcUri())).toList();
    List<NodeMetricsReader> metrics =
        nodes.stream().map(n -> new NodeMetricsReader(n.metricsUri())).toList();
    List<Optional<Map<String, Double>>> metricsBefore =
        metrics.stream().map(NodeMetricsReader::scrape).toList();
    List<MempoolSampler> mempools = metrics.stream().map(MempoolSampler::new).toList();
    FinalityPoller poller = new FinalityPoller(rpc, load, options.pollIntervalMs());
    LoadGenerator generator = new LoadGenerator(targets, load, options.connections());
    long[] nodeTicksBefore = nodes.stream().mapToLong(n -> cpuTicks(n.pid())).toArray();
    long selfTicksBefore = cpuTicks(ProcessHandle.current().pid());
    long machineTicksBefore = ProcStats.machineBusyTicks().orElse(0);
    long windowStart = System.nanoTime();
    Optional<MisbehavingPeer> misbehaving = startMisbehavingPeer(network, rpc);
    poller.start();
    mempools.forEach(MempoolSampler::start);
    long start = System.nanoTime() + 50_000_000L;
    generator.run(start);
    drain(nodes, poller, generator);
    poller.stop();
    long windowNanos = System.nanoTime() - windowStart;
    misbehaving.ifPresent(peer -> reportMisbehavingPeer(peer, metrics));
    long nodesTicks = 0;
    List<RunFigures.NodeWindow> windows = new ArrayList<>();
    for (int v = 0; v < nodes.size(); v++) {
      NodeProcess node = nodes.get(v);
      long ticks = cpuTicks(node.pid()) - nodeTicksBefore[v];
      nodesTicks += ticks;
      windows.add(
          new RunFigures.NodeWindow(
              network.validatorNames().get(v),
              windowNanos,
              ticksToNanos(ticks),
              ProcStats.statusKilobytes(node.pid(), "VmRSS").orElse(0),
              ProcStats.statusKilobytes(node.pid(), "VmHWM").orElse(0),
              metricsBefore.get(v),
              metrics.get(v).scrape(),
              mempools.get(v).stop()));
    }
    long selfTicks = cpuTicks(ProcessHandle.current().pid()) - selfTicksBefore;
    long otherTicks =
        ProcStats.machineBusyTicks().orElse(0) - machineTicksBefore - nodesTicks - selfTicks;
    return RunFigures.of(
        new RunFigures.Inputs(
            options,
            nodes.size(),
            offeredTps,
            load,
            generator,
            poller,
            start,
            ticksToNanos(selfTicks),
            ticksToNanos(Math.max(0, otherTicks)),
            windows));
  }

  private Optional<MisbehavingPeer> startMisbehavingPeer(LocalNetwork network, JsonRpcClient rpc) {
    if (!options.misbehavingPeer()) {
      return Optional.empty();
    }
    Hash genesis =
        Hash.fromHex(rpc.call("eth_getBlockByNumber", "0x0", false).path("hash").asText());
    out.println(
        "  misbehaving peer: an allowed full node floods and sends garbage to each validator");
    return Optional.of(
        MisbehavingPeer.start(
            network, genesis, network.networkDirectory().resolveSibling("misbehaving-peer")));
  }

  /** One line beside the run's figures: what the peer did, and what the validators did about it. */
  private void reportMisbehavingPeer(MisbehavingPeer peer, List<NodeMetricsReader> metrics) {
    MisbehavingPeer.Tally tally = peer.tally();
    peer.close();
    Map<String, Long> bansByReason = new TreeMap<>();
    double refused = 0;
    for (NodeMetricsReader reader : metrics) {
      Map<String, Double> samples = reader.scrape().orElse(Map.of());
      samples.forEach(
          (series, value) -> {
            Matcher reason = BANS_SERIES.matcher(series);
            if (reason.matches()) {
              bansByReason.merge(reason.group(1), value.longValue(), Long::sum);
            }
          });
      refused += samples.getOrDefault("fiscus_p2p_refused_total{reason=\"banned\"}", 0.0);
    }
    out.printf(
        "  misbehaving peer: connected %d times (%d floods, %d malformed messages); the"
            + " validators banned it %d times %s and refused %.0f reconnections while banned%n",
        tally.connections(),
        tally.floods(),
        tally.malformedMessages(),
        bansByReason.values().stream().mapToLong(Long::longValue).sum(),
        bansByReason,
        refused);
  }

  /** Waits until every accepted transaction is final, or finality stops progressing. */
  private void drain(List<NodeProcess> nodes, FinalityPoller poller, LoadGenerator generator) {
    int target = generator.acceptedCount();
    int lastCount = -1;
    long lastProgress = System.nanoTime();
    long stall = options.drainSeconds() * 1_000_000_000L;
    while (poller.finalizedCount() < target && nodes.stream().allMatch(NodeProcess::isAlive)) {
      int count = poller.finalizedCount();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > stall) {
        out.printf(
            "  finality stalled: %,d of %,d accepted transactions final after %d s without"
                + " progress%n",
            count, target, options.drainSeconds());
        return;
      }
      NetworkSetup.sleepMillis(50);
    }
    if (!nodes.stream().allMatch(NodeProcess::isAlive)) {
      out.println("  a node process exited during the run; see its log");
    }
  }

  private static long cpuTicks(long pid) {
    return ProcStats.cpuTicks(pid).orElse(0);
  }

  private long ticksToNanos(long ticks) {
    return ticks * 1_000_000_000L / clockTicksPerSecond;
  }

  /**
   * Applies {@code --block-gas-limit} and {@code --catch-up-height} (an empty block at every
   * period) to the generated genesis; returns its block gas limit.
   */
  private long rewriteGenesis(Path genesisFile) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode genesis = (ObjectNode) json.readTree(genesisFile.toFile());
      options
          .blockGasLimit()
          .ifPresent(limit -> genesis.put("gasLimit", "0x" + Long.toHexString(limit)));
      if (options.catchUpHeight().isPresent()) {
        ((ObjectNode) genesis.path("config").path("qbft")).put("emptyblockperiodseconds", 0);
      }
      json.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);
      return Long.decode(genesis.path("gasLimit").asText());
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read " + genesisFile, unreadable);
    }
  }

  /**
   * Sender keys derived from their index, so runs are repeatable and never clash with demo keys.
   */
  static PrivateKey senderKey(int index) {
    Bytes seed = Bytes.wrap(("fiscus-bench-sender-" + index).getBytes(StandardCharsets.UTF_8));
    return new PrivateKey(new BigInteger(1, Keccak.hash(seed).bytes().unsafeArray()));
  }

  /** Copies every node's log out of the run's directory, which is deleted afterwards. */
  private static void copyLogs(Path workDir, Path logDirectory) {
    try (Stream<Path> logs = Files.list(workDir)) {
      Files.createDirectories(logDirectory);
      for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
        Files.copy(
            log, logDirectory.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // The log copies are a convenience; the run's figures do not depend on them.
    }
  }
}
