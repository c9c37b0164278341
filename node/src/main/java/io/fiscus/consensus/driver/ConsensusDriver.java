package io.fiscus.consensus.driver;

import io.fiscus.chain.ChainReader;
import io.fiscus.chain.ChainWriter;
import io.fiscus.consensus.qbft.DurableRecord;
import io.fiscus.consensus.qbft.Effects;
import io.fiscus.consensus.qbft.Event;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.Notice;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftCore;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.TimerRequest;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.consensus.qbft.VoteTally;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.types.Address;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the QBFT core: one thread owns it and feeds it {@link Event}s from a bounded queue (messages
 * from peers, timer expiries, local votes), then performs each {@link Effects} in the documented
 * order: (1) append {@code persist} to the {@link ConsensusLog}, synced; (2) broadcast; (3) import
 * the decided block (commit it, advance the vote tally); (4) arm timers; then the new head goes to
 * the core. Timers are a scheduler that posts inputs back; a stale one is harmless.
 *
 * <p>Sync: blocks fetched from peers come in through {@link #importSynced} and are committed on
 * this thread (the chain's only writer) after their seals and execution check out. While the node
 * is {@linkplain #setSyncing syncing} it does not vote: peers' QBFT messages are dropped, timer
 * expiries are held until sync ends, and anything the core would still send is not sent (ADR 11).
 *
 * <p>If the core halts on a broken invariant (or a collaborator throws), consensus stops for good:
 * the error is logged, nothing more is signed, and the rest of the node keeps serving.
 */
public final class ConsensusDriver implements ConsensusControl {
  private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);

  /** Room kept in the queue for the node's own inputs (timers, votes) when peers flood it. */
  private static final int RESERVED_FOR_LOCAL_INPUTS = 8;

  /** How often a held block timer re-reads the pool (whose signal only fires when it was empty). */
  private static final long HOLD_RECHECK_MILLIS = 250;

  private static final long POLL_MILLIS = 100;

  private final ConsensusSettings settings;
  private final NodeKey key;
  private final ChainReader chain;
  private final TransactionPool pool;
  private final SignatureRecovery recovery;
  private final NodeMetrics metrics;
  private final LongSupplier clockMillis;
  private final ConsensusGossip gossip;
  private final ChainBlockCodec blockCodec = new ChainBlockCodec();
  private final BlockExecutionCache cache = new BlockExecutionCache(16);
  private final VoteTallies tallies;
  private final ExecutingBlockCreator creator;
  private final ExecutingBlockValidator validator;
  private final BlockImporter importer;
  private final SyncedBlockCheck syncedBlockCheck;
  private final KeyValueStore store;
  private final BlockTiming timing;
  private final BlockingQueue<LoopInput> inputs;
  private final ConcurrentSkipListMap<Address, Boolean> pendingVotes =
      new ConcurrentSkipListMap<>();
  private final TimerSlots timers;

  private volatile boolean running;
  private volatile VoteTally tally;
  private volatile int round;
  private volatile Optional<String> halted = Optional.empty();
  private volatile boolean syncing;
  private volatile LongConsumer syncTargetListener = target -> {};
  private Thread thread;
  private ScheduledExecutorService scheduler;
  private QbftCore core;
  private ConsensusLog consensusLog;
  private ChainBlock head;
  private long heldBlockTimer = -1;
  private long blockTimerAtMillis = -1;
  private long blockTimerHeight = -1;
  private long countedRoundHeight = -1;
  private int countedRound;
  private Optional<LoopInput.BlockTimerFired> heldWhileSyncingBlockTimer = Optional.empty();
  private Optional<LoopInput.RoundTimerFired> heldWhileSyncingRoundTimer = Optional.empty();

  public ConsensusDriver(
      ConsensusSettings settings,
      NodeKey key,
      ChainReader chain,
      ChainWriter writer,
      TransactionPool pool,
      BlockExecutor executor,
      KeyValueStore store,
      ConsensusGossip gossip,
      SignatureRecovery recovery,
      NodeMetrics metrics,
      LongSupplier clockMillis) {
    this.settings = settings;
    this.key = key;
    this.chain = chain;
    this.pool = pool;
    this.store = store;
    this.gossip = gossip;
    this.recovery = recovery;
    this.metrics = metrics;
    this.clockMillis = clockMillis;
    this.tallies = new VoteTallies(chain, settings.qbft().epochLength());
    this.creator =
        new ExecutingBlockCreator(
            chain,
            pool,
            executor,
            settings.blockGasLimit(),
            ProposalSizer.forBlockPeriod(
                settings.qbft().blockPeriodMillis(), settings.proposalTransactionsMax()),
            tallies,
            cache,
            metrics);
    this.validator =
        new ExecutingBlockValidator(
            chain, executor, settings.chainId(), settings.qbft(), clockMillis, cache, metrics);
    this.importer = new BlockImporter(validator, writer, cache, metrics);
    this.syncedBlockCheck = new SyncedBlockCheck(chain, validator, settings.qbft(), recovery);
    this.timing =
        new BlockTiming(settings.qbft().blockPeriodMillis(), settings.emptyBlockPeriodMillis());
    this.inputs = new ArrayBlockingQueue<>(settings.eventQueueCapacity());
    this.timers = new TimerSlots(this::postLocal);
  }

  /** Starts the driver thread: restores the consensus log, then joins the current height. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the driver starts once");
    }
    running = true;
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread timerThread = new Thread(runnable, "consensus-timers");
              timerThread.setDaemon(true);
              return timerThread;
            });
    timers.use(scheduler);
    pool.onTransactionsAvailable(() -> postLocal(new LoopInput.HoldCheck()));
    thread = new Thread(this::run, "consensus-driver");
    thread.start();
  }

  /** Stops the driver thread and the timers, and waits for the thread to finish its step. */
  public void stop() {
    Thread driverThread;
    synchronized (this) {
      driverThread = thread;
      running = false;
    }
    if (driverThread == null) {
      return;
    }
    try {
      // The loop notices within one poll; the scheduler goes after it, so no step of the loop
      // finds the timers shut down.
      driverThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** A QBFT message from a peer; dropped (and counted) if the driver is this far behind. */
  public void onMessage(WireMessage message) {
    if (inputs.remainingCapacity() <= RESERVED_FOR_LOCAL_INPUTS
        || !inputs.offer(new LoopInput.Message(message))) {
      metrics.consensusNotices.labelValues("EVENT_QUEUE_FULL").inc();
    }
  }

  /**
   * Imports sealed blocks fetched by sync, in order, on the driver thread; {@code done} is told the
   * outcome there (it must not block). Blocks the chain already has are skipped; the first invalid
   * one stops the batch. Blocks until the driver's queue has room.
   *
   * @param blocks consecutive blocks, the first one at most the head's child
   */
  public void importSynced(List<ChainBlock> blocks, Consumer<SyncImport> done) {
    if (!running || halted.isPresent()) {
      done.accept(new SyncImport.NotImported(halted.orElse("the driver is not running")));
      return;
    }
    postLocal(new LoopInput.SyncedBlocks(List.copyOf(blocks), done));
  }

  /**
   * Sync says whether the node is behind its peers (more than one block). While it is, the node
   * does not vote; when it stops being behind, timer expiries held meanwhile are delivered.
   */
  public void setSyncing(boolean behind) {
    boolean was = syncing;
    syncing = behind;
    if (was && !behind) {
      postLocal(new LoopInput.SyncEnded());
    }
  }

  /**
   * Sets who hears the core's sync targets: a validator sent messages for a later height, so the
   * chain reaches at least this height elsewhere. Called on the driver thread; must not block.
   */
  public void onSyncTarget(LongConsumer listener) {
    syncTargetListener = listener;
  }

  /**
   * The validators of the height being decided (the p2p allowlist's validators); empty before the
   * driver has started.
   */
  public List<Address> validators() {
    VoteTally current = tally;
    return current == null ? List.of() : current.validators().sorted();
  }

  /** Why consensus stopped, if it did. */
  public Optional<String> halted() {
    return halted;
  }

  // --- ConsensusControl ---

  @Override
  public boolean isValidator() {
    VoteTally current = tally;
    return current != null && current.validators().contains(key.address());
  }

  @Override
  public int round() {
    return round;
  }

  @Override
  public boolean syncing() {
    return syncing;
  }

  @Override
  public void proposeValidatorVote(Address subject, boolean add) {
    pendingVotes.put(subject, add);
    postLocal(
        new LoopInput.VoteProposal(subject, Optional.of(add ? Vote.Kind.ADD : Vote.Kind.DROP)));
  }

  @Override
  public void discardValidatorVote(Address subject) {
    pendingVotes.remove(subject);
    postLocal(new LoopInput.VoteProposal(subject, Optional.empty()));
  }

  @Override
  public SortedMap<Address, Boolean> pendingVotes() {
    return new TreeMap<>(pendingVotes);
  }

  // --- the driver thread ---

  private void postLocal(LoopInput input) {
    if (!running) {
      return;
    }
    try {
      inputs.put(input);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      step(this::restore);
      while (running) {
        LoopInput input = inputs.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (input != null && halted.isEmpty()) {
          step(() -> handle(input));
        } else if (input instanceof LoopInput.SyncedBlocks synced) {
          synced.done().accept(new SyncImport.NotImported(halted.orElse("stopping")));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timers.cancelAll();
  }

  private void step(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // A collaborator failed (storage, executor, creator): stop signing rather than go on with
      // half-performed effects. The thread stays up and ignores further input.
      halt("driver failed: " + e, e);
    }
  }

  private void restore() {
    QbftMessageCodec codec = new QbftMessageCodec(blockCodec, recovery);
    consensusLog = new ConsensusLog(store, new DurableRecordCodec(codec, blockCodec));
    List<DurableRecord> records = consensusLog.load();
    core = new QbftCore(settings.qbft(), key, blockCodec, creator, validator, recovery, records);
    head = ChainBlock.of(chain.block(chain.headNumber()).orElseThrow());
    tally = tallies.afterHead();
    log.info(
        "Consensus starts at block {} with {} validators ({}), {} restored records",
        head.height(),
        tally.validators().size(),
        tally.validators().contains(key.address()) ? "this node is one" : "this node is not one",
        records.size());
    deliver(new Event.NewChainHead(clockMillis.getAsLong(), head, tally));
  }

  private void handle(LoopInput input) {
    long now = clockMillis.getAsLong();
    switch (input) {
      case LoopInput.Message message -> onPeerMessage(message, now);
      case LoopInput.BlockTimerFired fired -> onBlockTimer(fired.height(), now);
      case LoopInput.RoundTimerFired fired -> onRoundTimer(fired, now);
      case LoopInput.VoteProposal vote ->
          deliver(new Event.LocalVoteProposal(now, vote.subject(), vote.kind()));
      case LoopInput.HoldCheck check -> onHoldCheck(now);
      case LoopInput.SyncedBlocks synced -> importSyncedBlocks(synced);
      case LoopInput.SyncEnded ended -> onSyncEnded(now);
    }
  }

  private void onPeerMessage(LoopInput.Message message, long now) {
    if (syncing) {
      // Behind by more than a block: this height is long decided elsewhere, and we do not vote.
      metrics.consensusNotices.labelValues("DROPPED_WHILE_SYNCING").inc();
      return;
    }
    // Someone is working on a height: a held block timer must not keep us out of it.
    releaseHeld(now);
    deliver(new Event.MessageReceived(now, message.message()));
  }

  private void onRoundTimer(LoopInput.RoundTimerFired fired, long now) {
    if (syncing) {
      heldWhileSyncingRoundTimer = Optional.of(fired);
      return;
    }
    deliver(new Event.RoundTimerExpired(now, fired.height(), fired.round()));
  }

  private void onSyncEnded(long now) {
    if (syncing) {
      return;
    }
    Optional<LoopInput.BlockTimerFired> blockTimer = heldWhileSyncingBlockTimer;
    Optional<LoopInput.RoundTimerFired> roundTimer = heldWhileSyncingRoundTimer;
    heldWhileSyncingBlockTimer = Optional.empty();
    heldWhileSyncingRoundTimer = Optional.empty();
    // Stale ones (an earlier height or round) are ignored, by onBlockTimer and by the core.
    blockTimer.ifPresent(fired -> onBlockTimer(fired.height(), now));
    roundTimer.ifPresent(fired -> onRoundTimer(fired, now));
  }

  /** Commits synced blocks in order, then tells the core about the new head once. */
  private void importSyncedBlocks(LoopInput.SyncedBlocks synced) {
    long headBefore = head.height();
    SyncImport outcome = new SyncImport.Imported(headBefore);
    for (ChainBlock block : synced.blocks()) {
      if (block.height() <= head.height() && syncedBlockCheck.alreadyOnChain(block)) {
        continue;
      }
      BlockCheck check =
          syncedBlockCheck.check(block, head, tally.validators(), clockMillis.getAsLong());
      if (check instanceof BlockCheck.Rejected rejected) {
        outcome = new SyncImport.Rejected(block.height(), rejected.reason(), rejected.detail());
        break;
      }
      commitSynced(block);
      outcome = new SyncImport.Imported(head.height());
    }
    if (head.height() > headBefore) {
      log.info("Imported synced blocks {} to {}", headBefore + 1, head.height());
      deliver(new Event.NewChainHead(clockMillis.getAsLong(), head, tally));
    }
    synced.done().accept(outcome);
  }

  private void commitSynced(ChainBlock block) {
    ChainBlock committed = importer.importDecided(block);
    timing.committed(committed.height(), clockMillis.getAsLong());
    tally = tallies.advance(tally, committed);
    head = committed;
    consensusLog.pruneBelow(committed.height() + 1);
  }

  private void onBlockTimer(long height, long now) {
    if (height != head.height() + 1) {
      return;
    }
    if (timing.mustHold(head, pool.pendingCount(), now)) {
      heldBlockTimer = height;
      scheduleHoldCheck(now);
      return;
    }
    fireBlockTimer(height, now);
  }

  private void onHoldCheck(long now) {
    if (heldBlockTimer < 0) {
      return;
    }
    if (heldBlockTimer != head.height() + 1) {
      heldBlockTimer = -1;
    } else if (timing.mustHold(head, pool.pendingCount(), now)) {
      scheduleHoldCheck(now);
    } else {
      releaseHeld(now);
    }
  }

  private void scheduleHoldCheck(long now) {
    long recheck = now + HOLD_RECHECK_MILLIS;
    long due = timing.emptyBlockAllowedAtMillis(head).orElse(recheck);
    timers.hold(Math.min(due, recheck) - now);
  }

  private void releaseHeld(long now) {
    if (heldBlockTimer < 0) {
      return;
    }
    long height = heldBlockTimer;
    heldBlockTimer = -1;
    timers.cancelHold();
    if (height == head.height() + 1) {
      fireBlockTimer(height, now);
    }
  }

  private void fireBlockTimer(long height, long now) {
    if (syncing) {
      heldWhileSyncingBlockTimer = Optional.of(new LoopInput.BlockTimerFired(height));
      return;
    }
    blockTimerHeight = height;
    blockTimerAtMillis = now;
    timing.blockTimerFired(height, now);
    deliver(new Event.BlockTimerExpired(now, height));
  }

  /** Hands one event to the core and performs what it returns, in the documented order. */
  private void deliver(Event event) {
    Effects effects = core.handle(event);
    round = core.round();
    if (effects.halt().isPresent()) {
      halt(effects.halt().get(), null);
      return;
    }
    if (!effects.persist().isEmpty()) {
      consensusLog.append(effects.persist());
    }
    for (QbftMessage message : effects.broadcast()) {
      if (syncing) {
        // Recorded but not sent, as if the network lost it: we do not vote while behind.
        metrics.consensusNotices.labelValues("NOT_SENT_WHILE_SYNCING").inc();
      } else {
        gossip.broadcast(core.codec().encode(message));
      }
    }
    for (Notice notice : effects.notices()) {
      metrics.consensusNotices.labelValues(notice.reason().name()).inc();
    }
    if (effects.syncTarget().isPresent()) {
      syncTargetListener.accept(effects.syncTarget().getAsLong());
    }
    Optional<ChainBlock> imported = effects.importBlock().map(this::importDecided);
    effects.timers().forEach(this::arm);
    if (imported.isPresent()) {
      deliver(new Event.NewChainHead(clockMillis.getAsLong(), imported.get(), tally));
    }
  }

  private ChainBlock importDecided(QbftBlock decided) {
    long started = clockMillis.getAsLong();
    ChainBlock block = importer.importDecided(decided);
    long committedAt = clockMillis.getAsLong();
    timing.committed(block.height(), committedAt);
    tally = tallies.advance(tally, block);
    head = block;
    consensusLog.pruneBelow(block.height() + 1);
    long finalizeMillis =
        blockTimerHeight == block.height() ? committedAt - blockTimerAtMillis : -1;
    if (finalizeMillis >= 0) {
      metrics.blockFinalizeSeconds.observe(finalizeMillis / 1000.0);
    }
    log.info(
        "Committed block {} with {} transactions, gas {}, hash {}, {} ms from block timer ({} ms"
            + " import)",
        block.height(),
        block.block().transactions().size(),
        block.header().gasUsed(),
        block.hash().toHex().substring(2, 10),
        finalizeMillis,
        committedAt - started);
    return block;
  }

  private void arm(TimerRequest request) {
    long now = clockMillis.getAsLong();
    switch (request) {
      case TimerRequest.BlockTimer block -> {
        long deadline = timing.blockTimerDeadline(block.height(), block.deadlineMillis());
        timers.block(new LoopInput.BlockTimerFired(block.height()), deadline - now);
      }
      case TimerRequest.RoundTimer roundTimer -> {
        countRoundChange(roundTimer);
        timers.round(
            new LoopInput.RoundTimerFired(roundTimer.height(), roundTimer.round()),
            roundTimer.deadlineMillis() - now);
      }
    }
  }

  private void countRoundChange(TimerRequest.RoundTimer request) {
    if (request.height() != countedRoundHeight) {
      countedRoundHeight = request.height();
      countedRound = 0;
    }
    if (request.round() > countedRound) {
      countedRound = request.round();
      metrics.roundChanges.inc();
    }
  }

  private void halt(String reason, Throwable cause) {
    halted = Optional.of(reason);
    timers.cancelAll();
    log.error("Consensus halted, this node signs nothing more: {}", reason, cause);
  }
}
