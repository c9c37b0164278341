package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.Effects;
import io.fiscus.consensus.qbft.Event;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.consensus.qbft.QbftCore;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.TimerRequest;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.VoteTally;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic run of n real {@link QbftCore}s over a seeded, hostile network with a virtual
 * clock. Everything random derives from the one seed, so a run replays exactly.
 */
public final class Simulation {
  static final long BLOCK_PERIOD_MILLIS = 1_000;
  static final long ROUND_TIMEOUT_BASE_MILLIS = 2_000;
  private static final List<NodeKey> KEYS = keys(32);

  private final SimConfig config;
  private final long seed;
  private final Random random;
  private final QbftConfig qbftConfig;
  private final CachingRecovery recovery = new CachingRecovery();
  private final ToyBlockCodec blockCodec = new ToyBlockCodec();
  private final QbftMessageCodec codec = new QbftMessageCodec(blockCodec, recovery);
  private final ToyChainRules rules;
  private final SafetyChecker checker = new SafetyChecker(recovery);
  private final List<SimNode> nodes = new ArrayList<>();
  private final SimChainSync sync = new SimChainSync(this);
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private final List<Consumer<Simulation>> hooks = new ArrayList<>();
  private long now;
  private long sequence;
  private boolean faultsOn;
  private int[] partitionGroup;
  private long messagesDelivered;
  private long coreNanos;
  private final List<String> haltsAndFailures = new ArrayList<>();
  private final java.util.TreeMap<io.fiscus.consensus.qbft.Reason, Long> notices =
      new java.util.TreeMap<>();
  private final int dropPercent;
  private java.util.function.Predicate<WireMessage> dropFilter = wire -> false;

  private record Scheduled(long atMillis, long sequence, Runnable action)
      implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(atMillis, other.atMillis);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  public Simulation(SimConfig config, long seed) {
    this(config, seed, QbftConfig.of(BLOCK_PERIOD_MILLIS, ROUND_TIMEOUT_BASE_MILLIS));
  }

  public Simulation(SimConfig config, long seed, QbftConfig qbftConfig) {
    this.config = config;
    this.seed = seed;
    this.random = new Random(seed);
    this.qbftConfig = qbftConfig;
    this.rules = new ToyChainRules(qbftConfig.blockPeriodMillis(), qbftConfig.epochLength());
    this.partitionGroup = new int[config.validators()];
    // Each seed gets its own fault intensity, up to the configured maximum.
    this.dropPercent = random.nextInt(config.dropPercent() + 1);
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < config.validators(); i++) {
      NodeKey key = KEYS.get(i);
      addresses.add(key.address());
      Optional<Byzantine> byzantine =
          i < config.byzantine().size()
              ? Optional.of(new Byzantine(config.byzantine().get(i), key, codec, random))
              : Optional.empty();
      nodes.add(new SimNode(i, key, byzantine));
    }
    VoteTally genesisTally = VoteTally.genesis(Validators.of(addresses));
    for (SimNode node : nodes) {
      node.chain.add(ToyBlock.genesis(0));
      node.tallies.add(genesisTally);
    }
  }

  public static List<NodeKey> keys(int count) {
    List<NodeKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(NodeKey.of(new PrivateKey(BigInteger.valueOf(0x5eed_0000L + 7919L * (i + 1)))));
    }
    return List.copyOf(keys);
  }

  /** Extra nodes that are not validators at genesis (for add-by-vote scenarios). */
  public SimNode addObserver() {
    SimNode node = new SimNode(nodes.size(), KEYS.get(nodes.size()), Optional.empty());
    node.chain.add(nodes.get(0).chain.get(0));
    node.tallies.add(nodes.get(0).tallies.get(0));
    partitionGroup = java.util.Arrays.copyOf(partitionGroup, nodes.size() + 1);
    nodes.add(node);
    return node;
  }

  List<SimNode> nodes() {
    return nodes;
  }

  long now() {
    return now;
  }

  /** Runs the fault phase, heals, and checks liveness; safety is checked throughout. */
  public SimResult run() {
    startAll();
    faultsOn = config.faultPhaseMillis() > 0;
    if (faultsOn) {
      scheduleFaults();
    }
    runUntil(config.faultPhaseMillis(), () -> false);
    heal();
    long target = maxHonestHeight() + config.blocksAfterHeal();
    long deadline = now + livenessBoundMillis();
    boolean live = runUntil(deadline, () -> minHonestHeight() >= target);
    List<String> violations = new ArrayList<>(checker.violations());
    violations.addAll(haltsAndFailures);
    if (!live) {
      violations.add(
          "liveness: honest heights "
              + heights()
              + " did not all reach "
              + target
              + " by "
              + deadline
              + " ms");
    }
    return new SimResult(
        seed, config, violations, now, minHonestHeight(), messagesDelivered, coreNanos, notices);
  }

  /** Runs until {@code untilMillis} or until {@code done}; returns whether {@code done} held. */
  boolean runUntil(long untilMillis, java.util.function.BooleanSupplier done) {
    while (!queue.isEmpty() && queue.peek().atMillis() <= untilMillis) {
      if (done.getAsBoolean()) {
        return true;
      }
      Scheduled next = queue.poll();
      now = next.atMillis();
      next.action().run();
    }
    boolean reached = done.getAsBoolean();
    now = Math.max(now, untilMillis);
    return reached;
  }

  void schedule(long atMillis, Runnable action) {
    queue.add(new Scheduled(Math.max(atMillis, now), sequence++, action));
  }

  /**
   * After healing, the slowest round to align is about twice the longest current round timeout,
   * then up to f+2 more rounds with silent proposers, then each further block may need f round
   * changes.
   */
  private long livenessBoundMillis() {
    int roundMax = 0;
    for (SimNode node : nodes) {
      if (node.honest() && node.core != null) {
        roundMax = Math.max(roundMax, node.core.round());
      }
    }
    int f = (config.validators() - 1) / 3;
    long bound = 2 * qbftConfig.roundTimeoutMillis(roundMax);
    for (int i = 1; i <= f + 2; i++) {
      bound += qbftConfig.roundTimeoutMillis(roundMax + i);
    }
    bound +=
        (config.blocksAfterHeal() + 1)
            * (BLOCK_PERIOD_MILLIS + qbftConfig.roundTimeoutMillis(f + 2) * 2);
    return bound + 10_000;
  }

  // --- nodes ---

  private void start(SimNode node) {
    node.crashed = false;
    node.incarnation++;
    node.core =
        new QbftCore(
            qbftConfig, node.key, blockCodec, rules, rules, recovery, List.copyOf(node.durable));
    deliver(node, new Event.NewChainHead(now, node.head(), node.tally()));
  }

  private void crash(SimNode node) {
    node.crashed = true;
    node.incarnation++;
    node.core = null;
  }

  void deliver(SimNode node, Event event) {
    if (node.crashed) {
      return;
    }
    long started = System.nanoTime();
    Effects effects = node.core.handle(event);
    coreNanos += System.nanoTime() - started;
    if (TRACE && now >= config.faultPhaseMillis()) {
      System.out.println(
          now
              + " "
              + node
              + " h="
              + node.core.height()
              + " r="
              + node.core.round()
              + " "
              + describe(event)
              + " -> sent "
              + effects.broadcast().stream().map(m -> m.kind() + "" + m.roundId().round()).toList()
              + " notices "
              + effects.notices()
              + effects.importBlock().map(b -> " IMPORT " + b.height()).orElse(""));
    }
    apply(node, effects);
  }

  private void apply(SimNode node, Effects effects) {
    if (effects.halt().isPresent()) {
      if (node.honest()) {
        haltsAndFailures.add(node + " halted: " + effects.halt().get());
      }
      return;
    }
    node.durable.addAll(effects.persist());
    for (io.fiscus.consensus.qbft.Notice notice : effects.notices()) {
      notices.merge(notice.reason(), 1L, Long::sum);
    }
    for (QbftMessage message : effects.broadcast()) {
      if (node.honest()) {
        checker.onSigned(node, message);
        WireMessage wire = codec.encode(message);
        for (SimNode to : nodes) {
          send(node, to, wire);
        }
      } else {
        for (Byzantine.Outbound out : node.byzantine.get().rewrite(message)) {
          for (SimNode to : nodes) {
            if (out.to().test(to.index)) {
              send(node, to, out.wire());
            }
          }
        }
      }
    }
    effects.importBlock().ifPresent(block -> importBlock(node, block, true));
    int incarnation = node.incarnation;
    for (TimerRequest timer : effects.timers()) {
      Event event =
          switch (timer) {
            case TimerRequest.BlockTimer block ->
                new Event.BlockTimerExpired(block.deadlineMillis(), block.height());
            case TimerRequest.RoundTimer round ->
                new Event.RoundTimerExpired(round.deadlineMillis(), round.height(), round.round());
          };
      schedule(
          timer.deadlineMillis(),
          () -> {
            if (node.incarnation == incarnation) {
              deliver(node, withNow(event));
            }
          });
    }
    if (effects.syncTarget().isPresent()) {
      // A future-height message: ask a random peer, as Besu's synchroniser would pick a target.
      sync.requestSync(node, nodes.get(random.nextInt(nodes.size())));
    }
  }

  private static final boolean TRACE = Boolean.getBoolean("sim.trace");

  private String describe(Event event) {
    if (event instanceof Event.MessageReceived received) {
      return switch (codec.decode(received.message())) {
        case io.fiscus.consensus.qbft.Decoded.Ok ok ->
            ok.message().kind()
                + ""
                + ok.message().roundId()
                + " from node"
                + indexOf(ok.message().author());
        case io.fiscus.consensus.qbft.Decoded.Rejected r -> "rejected " + r.reason();
      };
    }
    return event.toString().replaceAll("head=ToyBlock.*", "");
  }

  private Event withNow(Event event) {
    return switch (event) {
      case Event.BlockTimerExpired e -> new Event.BlockTimerExpired(now, e.height());
      case Event.RoundTimerExpired e -> new Event.RoundTimerExpired(now, e.height(), e.round());
      default -> event;
    };
  }

  private void send(SimNode from, SimNode to, WireMessage wire) {
    if (from == to) {
      return;
    }
    if (dropFilter.test(wire)) {
      return;
    }
    transmit(
        from,
        to,
        () -> {
          messagesDelivered++;
          to.byzantine.ifPresent(b -> b.observe(wire));
          deliver(to, new Event.MessageReceived(now, wire));
        });
  }

  /** Sends anything over the simulated network: delayed, maybe dropped, duplicated or cut off. */
  void transmit(SimNode from, SimNode to, Runnable arrival) {
    if (partitionGroup[from.index] != partitionGroup[to.index]) {
      return;
    }
    if (faultsOn) {
      if (random.nextInt(100) < dropPercent) {
        return;
      }
      if (random.nextInt(100) < config.duplicatePercent()) {
        schedule(now + delayMillis(), arrival);
      }
    }
    schedule(now + delayMillis(), arrival);
  }

  private long delayMillis() {
    long delay = 5L + random.nextInt(95);
    if (faultsOn && random.nextInt(10) == 0) {
      delay += random.nextInt(3_000);
    }
    return delay;
  }

  // --- chain and sync ---

  void importBlock(SimNode node, QbftBlock block, boolean decidedLocally) {
    if (node.crashed || block.height() != node.height() + 1) {
      return;
    }
    Validators validators = node.tally().validators();
    boolean linked = ((ToyBlock) block).parentHash().equals(node.head().hash());
    boolean sealed =
        io.fiscus.consensus.qbft.CommitSeals.validate(block, validators, recovery)
            instanceof Validation.Valid;
    if (!linked || !sealed) {
      if (decidedLocally && node.honest()) {
        haltsAndFailures.add(node + " decided an unlinked or unsealed block " + block.height());
      }
      return;
    }
    if (node.honest()) {
      checker.onFinalized(node, block, validators);
    }
    node.chain.add(block);
    node.tallies.add(node.tally().apply(block, qbftConfig.epochLength()));
    int incarnation = node.incarnation;
    schedule(
        now,
        () -> {
          if (node.incarnation == incarnation && node.height() == block.height()) {
            deliver(node, new Event.NewChainHead(now, block, node.tally()));
          }
        });
    sync.announceHead(node);
    hooks.forEach(hook -> hook.accept(this));
  }

  // --- faults ---

  private void scheduleFaults() {
    long end = config.faultPhaseMillis();
    // Each seed draws which faults it gets, so some runs make progress under light faults.
    if (config.partitions() && random.nextBoolean()) {
      for (long at = random.nextInt(3_000); at < end; at += 2_000 + random.nextInt(6_000)) {
        schedule(at, this::togglePartition);
      }
    }
    if (config.crashes() && random.nextInt(4) != 0) {
      for (long at = random.nextInt(3_000); at < end; at += 3_000 + random.nextInt(7_000)) {
        schedule(at, this::crashSomeone);
      }
    }
  }

  private void togglePartition() {
    if (!faultsOn) {
      return;
    }
    boolean split = java.util.Arrays.stream(partitionGroup).distinct().count() > 1;
    for (int i = 0; i < partitionGroup.length; i++) {
      partitionGroup[i] = split ? 0 : random.nextInt(2);
    }
  }

  private void crashSomeone() {
    SimNode victim = nodes.get(random.nextInt(nodes.size()));
    if (!faultsOn || victim.crashed || !victim.honest()) {
      return;
    }
    crash(victim);
    int incarnation = victim.incarnation;
    schedule(
        now + 1_000 + random.nextInt(5_000),
        () -> {
          if (victim.crashed && victim.incarnation == incarnation) {
            start(victim);
          }
        });
  }

  private void heal() {
    faultsOn = false;
    java.util.Arrays.fill(partitionGroup, 0);
    for (SimNode node : nodes) {
      if (node.crashed) {
        start(node);
      }
    }
  }

  // --- scenario controls ---

  /** Starts every node with no faults scheduled; for scenario tests that script their faults. */
  void startAll() {
    nodes.forEach(this::start);
    nodes.forEach(sync::announceHeadsPeriodically);
  }

  void crashNode(int index) {
    crash(nodes.get(index));
  }

  void restartNode(int index) {
    start(nodes.get(index));
  }

  /** Cuts {@code index} off from everyone (or reconnects it). */
  void isolate(int index, boolean isolated) {
    partitionGroup[index] = isolated ? 1 : 0;
  }

  /** Consensus messages matching this are lost in the network until replaced. */
  void dropMessages(java.util.function.Predicate<WireMessage> filter) {
    dropFilter = filter;
  }

  int indexOf(Address address) {
    return nodes.stream()
        .filter(n -> n.key.address().equals(address))
        .findFirst()
        .orElseThrow()
        .index;
  }

  List<String> violations() {
    List<String> all = new ArrayList<>(checker.violations());
    all.addAll(haltsAndFailures);
    return all;
  }

  // --- observations ---

  void onEveryImport(Consumer<Simulation> hook) {
    hooks.add(hook);
  }

  /** Sends a local vote proposal to one node, as {@code qbft_proposeValidatorVote} would. */
  void proposeVote(SimNode node, Address subject, io.fiscus.consensus.qbft.Vote.Kind kind) {
    deliver(node, new Event.LocalVoteProposal(now, subject, Optional.of(kind)));
  }

  long minHonestHeight() {
    return nodes.stream().filter(SimNode::honest).mapToLong(SimNode::height).min().orElse(0);
  }

  private long maxHonestHeight() {
    return nodes.stream().filter(SimNode::honest).mapToLong(SimNode::height).max().orElse(0);
  }

  private List<Long> heights() {
    return nodes.stream().map(SimNode::height).toList();
  }

  List<DurableRecord> durableOf(int index) {
    return nodes.get(index).durable;
  }
}
