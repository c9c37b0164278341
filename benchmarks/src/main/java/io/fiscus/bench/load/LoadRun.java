package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One load run against one freshly generated single-validator network: generate, start the node,
 * set up senders through it, pre-sign, offer the open loop, drain, measure, stop the node.
 */
public final class LoadRun {
  static final long CHAIN_ID = 1337;
  private static final long FUNDS_PER_SENDER = 1_000_000;
  private static final long RPC_READY_TIMEOUT_MILLIS = 120_000;

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

  /** Runs at {@code offeredTps}; the node's log is copied to {@code nodeLogCopy}. */
  public BenchResults.Run run(int offeredTps, Path workDir, Path nodeLogCopy) {
    Path network = workDir.resolve("network");
    NodeProcess.generateNetwork(launcher, network, 1, CHAIN_ID, options.blockPeriodMs());
    long gasLimit = blockGasLimit(network.resolve("genesis.json"));
    Transactions transactions = new Transactions(CHAIN_ID);
    long perBlock = gasLimit / transactions.transferGas();
    out.printf(
        "  block gas limit %,d = %,d transfers per block = at most %,d transfers/s at %d ms%n",
        gasLimit, perBlock, perBlock * 1000 / options.blockPeriodMs(), options.blockPeriodMs());
    NodeProcess node =
        NodeProcess.start(
            launcher,
            network.resolve("validator1").resolve("node.toml"),
            workDir.resolve("data"),
            workDir.resolve("node.log"));
    try {
      return measure(node, network, transactions, offeredTps);
    } finally {
      node.close();
      copyLog(node.logFile(), nodeLogCopy);
    }
  }

  private BenchResults.Run measure(
      NodeProcess node, Path network, Transactions transactions, int offeredTps) {
    JsonRpcClient rpc = new JsonRpcClient(node.rpcUri());
    awaitRpc(node, rpc);
    out.printf("  node pid %d, RPC %s, log %s%n", node.pid(), node.rpcUri(), node.logFile());

    List<PrivateKey> keys = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    for (int i = 0; i < options.senders(); i++) {
      PrivateKey key = senderKey(i);
      keys.add(key);
      senders.add(Secp256k1.address(key));
    }
    DemoAccounts accounts = DemoAccounts.read(network.resolve("accounts.json"));
    long setupStart = System.nanoTime();
    int setupCount =
        new NetworkSetup(rpc, transactions)
            .run(accounts.get("central-bank"), accounts.get("bank-a"), senders, FUNDS_PER_SENDER);
    out.printf(
        "  setup: %,d transactions through the node (limits, mint, register and fund %,d senders)"
            + " in %s s%n",
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
    return offer(node, rpc, load, offeredTps);
  }

  private BenchResults.Run offer(
      NodeProcess node, JsonRpcClient rpc, PresignedLoad load, int offeredTps) {
    NodeMetricsReader metrics = new NodeMetricsReader(node.metricsUri());
    Optional<Map<String, Double>> metricsBefore = metrics.scrape();
    MempoolSampler mempool = new MempoolSampler(metrics);
    FinalityPoller poller = new FinalityPoller(rpc, load, options.pollIntervalMs());
    LoadGenerator generator = new LoadGenerator(rpc, load, options.connections());
    long nodeTicksBefore = ProcStats.cpuTicks(node.pid()).orElse(0);
    long selfTicksBefore = ProcStats.cpuTicks(ProcessHandle.current().pid()).orElse(0);
    long machineTicksBefore = ProcStats.machineBusyTicks().orElse(0);
    poller.start();
    mempool.start();
    long start = System.nanoTime() + 50_000_000L;
    generator.run(start);
    drain(node, poller, generator);
    poller.stop();
    long mempoolPeak = mempool.stop();
    long nodeTicks = ProcStats.cpuTicks(node.pid()).orElse(0) - nodeTicksBefore;
    long selfTicks = ProcStats.cpuTicks(ProcessHandle.current().pid()).orElse(0) - selfTicksBefore;
    long otherTicks =
        ProcStats.machineBusyTicks().orElse(0) - machineTicksBefore - nodeTicks - selfTicks;
    Optional<Map<String, Double>> metricsAfter = metrics.scrape();
    Map<String, String> nodeMetrics =
        RunFigures.metricDeltas(metricsBefore, metricsAfter, mempoolPeak);
    return RunFigures.of(
        new RunFigures.Inputs(
            options,
            offeredTps,
            load,
            generator,
            poller,
            start,
            ticksToNanos(nodeTicks),
            ticksToNanos(selfTicks),
            ticksToNanos(Math.max(0, otherTicks)),
            ProcStats.statusKilobytes(node.pid(), "VmRSS").orElse(0),
            ProcStats.statusKilobytes(node.pid(), "VmHWM").orElse(0),
            nodeMetrics));
  }

  /** Waits until every accepted transaction is final, or finality stops progressing. */
  private void drain(NodeProcess node, FinalityPoller poller, LoadGenerator generator) {
    int target = generator.acceptedCount();
    int lastCount = -1;
    long lastProgress = System.nanoTime();
    long stall = options.drainSeconds() * 1_000_000_000L;
    while (poller.finalizedCount() < target && node.isAlive()) {
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
    if (!node.isAlive()) {
      out.println("  the node process exited during the run; see its log");
    }
  }

  private long ticksToNanos(long ticks) {
    return ticks * 1_000_000_000L / clockTicksPerSecond;
  }

  private void awaitRpc(NodeProcess node, JsonRpcClient rpc) {
    long deadline = System.currentTimeMillis() + RPC_READY_TIMEOUT_MILLIS;
    while (true) {
      if (!node.isAlive()) {
        throw new IllegalStateException("the node exited at start:\n" + tail(node.logFile()));
      }
      try {
        long chainId = Long.decode(rpc.call("eth_chainId").asText());
        if (chainId != CHAIN_ID) {
          throw new IllegalStateException("the node serves chain " + chainId + ", not " + CHAIN_ID);
        }
        return;
      } catch (RuntimeException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "the node's RPC did not answer within 120 s:\n" + tail(node.logFile()), notYet);
        }
        NetworkSetup.sleepMillis(200);
      }
    }
  }

  /** The generated genesis's block gas limit, first rewritten if {@code --block-gas-limit}. */
  private long blockGasLimit(Path genesisFile) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode genesis = (ObjectNode) json.readTree(genesisFile.toFile());
      if (options.blockGasLimit().isPresent()) {
        genesis.put("gasLimit", "0x" + Long.toHexString(options.blockGasLimit().get()));
        json.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);
      }
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

  private static void copyLog(Path log, Path copy) {
    try {
      if (Files.exists(log)) {
        Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // The log copy is a convenience; the run's figures do not depend on it.
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException unreadable) {
      return "(no log at " + log + ")";
    }
  }
}
