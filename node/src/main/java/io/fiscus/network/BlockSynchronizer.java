package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainListener;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.consensus.driver.ChainBlock;
import io.fiscus.consensus.driver.ConsensusDriver;
import io.fiscus.consensus.driver.SyncImport;
import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block sync: keeps the heads peers announce (hello, STATUS, NEW_BLOCK), fetches the blocks this
 * node lacks in ranges of at most {@link SyncSettings#blocksPerRequest} from the peers that have
 * them (a few requests in flight, each retried on another peer after a timeout), and hands them to
 * the consensus driver strictly in order; the driver checks seals and execution and commits them.
 *
 * <p>A peer is banned when it serves blocks it was not asked for or a block the driver rejects (bad
 * seals, wrong roots); everything fetched then is dropped and sync starts again from the head with
 * the other peers. A peer that answers with fewer blocks than its announced head had is not banned,
 * but its head is lowered to what it showed (a claimed head is only a hint until served), so a
 * lying announcement cannot keep the node "syncing" for long.
 *
 * <p>While a connected peer's head is more than one block ahead, the node is {@linkplain #syncing()
 * syncing} and the driver does not vote (ADR 11). All decisions run on one thread; network threads
 * only queue events, in a bounded backlog.
 */
public final class BlockSynchronizer implements ChainListener {
  private static final Logger log = LoggerFactory.getLogger(BlockSynchronizer.class);
  private static final long TICK_MILLIS = 250;
  private static final int TICKS_PER_STATUS = 20;
  private static final int IMPORTS_PENDING_MAX = 2;
  private static final int NETWORK_EVENTS_MAX = 4_096;
  private static final long PAUSE_AFTER_DRIVER_REFUSAL_MILLIS = 1_000;

  /**
   * How long a validator one block behind waits before fetching that block: it is usually the block
   * consensus is about to commit here too, and fetching every block twice would double the
   * network's block traffic.
   */
  private static final long NEXT_BLOCK_GRACE_MILLIS = 1_000;

  private record Range(long from, long to) {
    int count() {
      return (int) (to - from + 1);
    }
  }

  private record Request(PeerId peer, Range range, long sentAtMillis) {}

  private record Fetched(PeerId peer, List<ChainBlock> blocks) {
    long to() {
      return blocks.getLast().height();
    }
  }

  private final PeerNetwork network;
  private final ChainReader chain;
  private final SyncSettings settings;
  private final LongSupplier clockMillis;
  private final AtomicInteger networkEventsQueued = new AtomicInteger();
  private volatile boolean syncing;
  private volatile boolean running;
  private ScheduledExecutorService thread;
  private ScheduledFuture<?> ticking;
  private ConsensusDriver driver;

  // The fields below are used on the sync thread only.
  private final PeerHeads peerHeads = new PeerHeads();
  private final TreeMap<Long, Range> toRetry = new TreeMap<>();
  private final TreeMap<Long, Request> inFlight = new TreeMap<>();
  private final TreeMap<Long, Fetched> fetched = new TreeMap<>();
  private long nextUnrequested;
  private long handedUpTo;
  private long hintedHead;
  private long pausedUntilMillis;
  private long behindSinceMillis = -1;
  private long behindAtHead = -1;
  private int generation;
  private int importsPending;
  private long nextRequestId = 1;
  private long ticks;

  public BlockSynchronizer(
      PeerNetwork network, ChainReader chain, SyncSettings settings, LongSupplier clockMillis) {
    this.network = network;
    this.chain = chain;
    this.settings = settings;
    this.clockMillis = clockMillis;
  }

  /** Starts the sync thread; synced blocks go to {@code driver}. */
  public synchronized void start(ConsensusDriver driver) {
    if (thread != null) {
      throw new IllegalStateException("sync starts once");
    }
    this.driver = driver;
    thread = Threads.scheduler("block-sync");
    running = true;
    ticking =
        thread.scheduleWithFixedDelay(
            () -> run(this::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    running = false;
    if (thread != null) {
      ticking.cancel(false);
      thread.shutdownNow();
    }
  }

  /** Whether a connected peer is more than one block ahead of this node's head. */
  public boolean syncing() {
    return syncing;
  }

  // --- events from the network threads ---

  void onConnected(PeerId peer, long headNumber) {
    fromNetwork(
        () -> {
          peerHeads.forget(peer);
          peerHeads.announced(peer, headNumber);
          sendStatus(peer);
        });
  }

  void onDisconnected(PeerId peer) {
    fromNetwork(() -> forget(peer));
  }

  /** A STATUS or NEW_BLOCK: {@code peer} has block {@code number}. */
  void onPeerHead(PeerId peer, long number) {
    fromNetwork(() -> peerHeads.announced(peer, number));
  }

  void onBlocks(PeerId peer, NetworkMessage.Blocks answer) {
    fromNetwork(() -> receive(peer, answer));
  }

  // --- events from the node ---

  /** The core saw messages for a later height: the chain reaches {@code height} elsewhere. */
  public void onSyncTarget(long height) {
    internal(() -> hintedHead = Math.max(hintedHead, height));
  }

  /** Announces a block this node committed (unless it is catching up) and looks for more work. */
  @Override
  public void onBlockCommitted(CommittedBlock block) {
    if (!syncing) {
      network.broadcast(
          MessageType.NEW_BLOCK,
          NetworkCodec.encode(
              new NetworkMessage.NewBlock(block.block().header().number(), block.hash())),
          peer -> true);
    }
    internal(() -> {});
  }

  private void fromNetwork(Runnable event) {
    if (!running || networkEventsQueued.incrementAndGet() > NETWORK_EVENTS_MAX) {
      networkEventsQueued.decrementAndGet();
      return;
    }
    if (!Threads.offer(
        thread,
        () ->
            run(
                () -> {
                  networkEventsQueued.decrementAndGet();
                  event.run();
                }))) {
      networkEventsQueued.decrementAndGet();
    }
  }

  private void internal(Runnable event) {
    ScheduledExecutorService current = thread;
    if (running && current != null) {
      Threads.offer(current, () -> run(event));
    }
  }

  /** Runs one event, then does whatever is possible now. */
  private void run(Runnable event) {
    try {
      event.run();
      pump();
    } catch (RuntimeException e) {
      // A bug in sync: log it loudly and keep the thread; the next event starts from the chain.
      log.error("block sync failed on an event; starting over from the head", e);
      restart();
    }
  }

  private void pump() {
    long head = chain.headNumber();
    catchUpWith(head);
    updateSyncing(head);
    handOver();
    request();
  }

  // --- the steps ---

  /** The chain may have moved without sync (consensus): forget what it has already. */
  private void catchUpWith(long head) {
    handedUpTo = Math.max(handedUpTo, head);
    nextUnrequested = Math.max(nextUnrequested, head + 1);
    toRetry.values().removeIf(range -> range.to() <= head);
    fetched.values().removeIf(blocks -> blocks.to() <= head);
  }

  private void updateSyncing(long head) {
    boolean behind = bestPeerHead() > head + 1;
    if (behind == syncing) {
      return;
    }
    syncing = behind;
    driver.setSyncing(behind);
    if (behind) {
      log.info("Syncing: a peer is at block {}, this node at {}", bestPeerHead(), head);
    } else {
      log.info("Caught up with peers at block {}", head);
      network.connectedPeers().forEach(this::sendStatus);
    }
  }

  /** Gives the driver the next consecutive fetched blocks, a few batches ahead. */
  private void handOver() {
    while (importsPending < IMPORTS_PENDING_MAX
        && !fetched.isEmpty()
        && fetched.firstKey() <= handedUpTo + 1) {
      Fetched next = fetched.pollFirstEntry().getValue();
      if (next.to() <= handedUpTo) {
        continue;
      }
      handedUpTo = next.to();
      importsPending++;
      int handedGeneration = generation;
      driver.importSynced(
          next.blocks(), outcome -> internal(() -> onImported(handedGeneration, next, outcome)));
    }
  }

  private void request() {
    long now = clockMillis.getAsLong();
    if (now < pausedUntilMillis) {
      return;
    }
    long target = Math.max(bestPeerHead(), hintedHead);
    if (waitsForConsensus(target, now)) {
      return;
    }
    while (inFlight.size() < settings.requestsInFlightMax()) {
      Optional<Range> next = nextRange(target);
      if (next.isEmpty()) {
        return;
      }
      Range range = next.get();
      Optional<PeerId> peer = pickPeer(range.from());
      if (peer.isEmpty()) {
        toRetry.put(range.from(), range);
        return;
      }
      long claimed = peerHeads.of(peer.get());
      Range asked =
          claimed >= range.from() && claimed < range.to()
              ? new Range(range.from(), claimed)
              : range;
      if (asked.to() < range.to()) {
        toRetry.put(asked.to() + 1, new Range(asked.to() + 1, range.to()));
      }
      long requestId = nextRequestId++;
      NetworkMessage.GetBlocks get =
          new NetworkMessage.GetBlocks(requestId, asked.from(), asked.count());
      if (!network.send(peer.get(), MessageType.GET_BLOCKS, NetworkCodec.encode(get))) {
        toRetry.put(asked.from(), asked);
        return;
      }
      inFlight.put(requestId, new Request(peer.get(), asked, now));
    }
  }

  /** Whether to leave the next block to consensus a little longer (a validator one behind). */
  private boolean waitsForConsensus(long target, long now) {
    long head = chain.headNumber();
    if (target <= head) {
      behindSinceMillis = -1;
      return true;
    }
    if (behindSinceMillis < 0 || behindAtHead != head) {
      behindSinceMillis = now;
      behindAtHead = head;
    }
    return target == head + 1
        && toRetry.isEmpty()
        && driver.isValidator()
        && now - behindSinceMillis < NEXT_BLOCK_GRACE_MILLIS;
  }

  /** A range to ask for: one to retry, else the next new one within the fetch-ahead window. */
  private Optional<Range> nextRange(long target) {
    if (!toRetry.isEmpty()) {
      return Optional.of(toRetry.pollFirstEntry().getValue());
    }
    long window = (long) settings.blocksPerRequest() * (settings.requestsInFlightMax() + 2);
    if (nextUnrequested > target || nextUnrequested > handedUpTo + window) {
      return Optional.empty();
    }
    long to = Math.min(nextUnrequested + settings.blocksPerRequest() - 1, target);
    Range range = new Range(nextUnrequested, to);
    nextUnrequested = to + 1;
    return Optional.of(range);
  }

  /**
   * The least busy connected peer whose head reaches {@code from}; if none claims it but the core's
   * hint does, any connected peer.
   */
  private Optional<PeerId> pickPeer(long from) {
    Set<PeerId> connected = network.connectedPeers();
    Optional<PeerId> best = leastBusy(connected, peer -> peerHeads.of(peer) >= from);
    if (best.isEmpty() && hintedHead >= from) {
      best = leastBusy(connected, peer -> true);
    }
    return best;
  }

  private Optional<PeerId> leastBusy(Set<PeerId> connected, Predicate<PeerId> eligible) {
    Map<PeerId, Integer> load = new TreeMap<>();
    inFlight.values().forEach(request -> load.merge(request.peer(), 1, Integer::sum));
    return connected.stream()
        .filter(eligible)
        .sorted()
        .min(Comparator.comparingInt(peer -> load.getOrDefault(peer, 0)));
  }

  private long bestPeerHead() {
    return peerHeads.best(network.connectedPeers());
  }

  private void receive(PeerId peer, NetworkMessage.Blocks answer) {
    Request request = inFlight.get(answer.requestId());
    if (request == null || !request.peer().equals(peer)) {
      return; // late (timed out, or sync started over): not an offence
    }
    inFlight.remove(answer.requestId());
    Range range = request.range();
    List<Block> blocks = answer.blocks();
    if (blocks.isEmpty()) {
      // It does not have the range after all: believe what it shows, not what it announced.
      peerHeads.lacks(peer, range.from());
      hintedHead = Math.min(hintedHead, range.from() - 1);
      toRetry.put(range.from(), range);
      return;
    }
    Optional<List<ChainBlock>> served = checkServed(peer, range, blocks);
    if (served.isEmpty()) {
      toRetry.put(range.from(), range);
      return;
    }
    Fetched got = new Fetched(peer, served.get());
    fetched.put(range.from(), got);
    if (got.to() < range.to()) {
      toRetry.put(got.to() + 1, new Range(got.to() + 1, range.to()));
    }
  }

  /** The served blocks as chain blocks, or empty (and the peer banned) if not what was asked. */
  private Optional<List<ChainBlock>> checkServed(PeerId peer, Range range, List<Block> blocks) {
    if (blocks.size() > range.count()) {
      ban(
          peer,
          BanReason.UNASKED_BLOCKS,
          "served " + blocks.size() + " blocks for " + range.count());
      return Optional.empty();
    }
    List<ChainBlock> chainBlocks = new ArrayList<>(blocks.size());
    for (int index = 0; index < blocks.size(); index++) {
      Block block = blocks.get(index);
      if (block.header().number() != range.from() + index) {
        ban(
            peer,
            BanReason.UNASKED_BLOCKS,
            "served block " + block.header().number() + " out of sequence");
        return Optional.empty();
      }
      try {
        chainBlocks.add(ChainBlock.of(block));
      } catch (BlockCodecException e) {
        ban(
            peer,
            BanReason.MALFORMED_MESSAGE,
            "served a block without QBFT extraData: " + e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(chainBlocks);
  }

  private void onImported(int handedGeneration, Fetched batch, SyncImport outcome) {
    importsPending--;
    if (handedGeneration != generation) {
      return; // handed before sync started over: its failure is nobody's fault
    }
    switch (outcome) {
      case SyncImport.Imported imported -> {}
      case SyncImport.Rejected rejected -> {
        log.warn(
            "Peer {} served invalid block {}: {} {}",
            batch.peer(),
            rejected.number(),
            rejected.reason(),
            rejected.detail());
        ban(
            batch.peer(),
            BanReason.INVALID_BLOCK,
            "block " + rejected.number() + ": " + rejected.reason());
        restart();
      }
      case SyncImport.NotImported refused -> {
        pausedUntilMillis = clockMillis.getAsLong() + PAUSE_AFTER_DRIVER_REFUSAL_MILLIS;
        restart();
      }
    }
  }

  private void tick() {
    long now = clockMillis.getAsLong();
    List<Long> expired = new ArrayList<>();
    inFlight.forEach(
        (id, request) -> {
          if (now - request.sentAtMillis() >= settings.requestTimeoutMillis()) {
            expired.add(id);
          }
        });
    for (Long id : expired) {
      Request request = inFlight.remove(id);
      toRetry.put(request.range().from(), request.range());
      // Its claim is unproven until it announces again (STATUS comes every few seconds).
      peerHeads.forget(request.peer());
      log.debug("Peer {} did not answer for blocks {}", request.peer(), request.range());
    }
    if (++ticks % TICKS_PER_STATUS == 0) {
      network.connectedPeers().forEach(this::sendStatus);
    }
  }

  private void ban(PeerId peer, BanReason reason, String detail) {
    network.ban(peer, reason, detail);
    forget(peer);
  }

  /** Drops a peer's head and asks someone else for what it was fetching. */
  private void forget(PeerId peer) {
    peerHeads.forget(peer);
    List<Long> theirs = new ArrayList<>();
    inFlight.forEach(
        (id, request) -> {
          if (request.peer().equals(peer)) {
            theirs.add(id);
          }
        });
    for (Long id : theirs) {
      Range range = inFlight.remove(id).range();
      toRetry.put(range.from(), range);
    }
  }

  /** Drops everything fetched or asked for; the next step starts from the chain's head. */
  private void restart() {
    generation++;
    fetched.clear();
    inFlight.clear();
    toRetry.clear();
    long head = chain.headNumber();
    handedUpTo = head;
    nextUnrequested = head + 1;
  }

  private void sendStatus(PeerId peer) {
    BlockHeader head = chain.headHeader();
    Hash hash = ChainBlock.ofHeader(head).hash();
    network.send(
        peer,
        MessageType.STATUS,
        NetworkCodec.encode(new NetworkMessage.Status(head.number(), hash)));
  }
}
