package io.fiscus.network;

import io.fiscus.crypto.Keccak;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Transaction gossip. A transaction the pool accepts (from RPC or from a peer) is queued once for
 * every peer but the one it came from; the queue is flushed in batches every {@link #FLUSH_MILLIS}
 * ms or as soon as {@link #BATCH_TRANSACTIONS_MAX} wait, so a busy node sends few large frames.
 * Received transactions go to the pool on a worker thread (decoding and signature recovery are too
 * slow for network threads); one the pool refuses is dropped, since a peer's pool may legitimately
 * differ (a nonce already used here, a full pool). A bounded set of recent hashes stops a
 * transaction from going round in loops. Full nodes thus forward what their RPC accepts to the
 * validators.
 */
public final class TransactionGossip {
  /** The most transactions per outgoing frame, and the count that triggers an early flush. */
  public static final int BATCH_TRANSACTIONS_MAX = 500;

  /** How long an accepted transaction waits, at most, before it is sent. */
  public static final long FLUSH_MILLIS = 20;

  private static final int BATCH_BYTES_MAX = 1 << 20;
  private static final int QUEUED_MAX = 50_000;
  private static final int REMEMBERED_TRANSACTIONS = 200_000;

  private record Outgoing(Bytes raw, Optional<PeerId> origin) {}

  private final PeerNetwork network;
  private final TransactionPool pool;
  private final RecentHashes seen = new RecentHashes(REMEMBERED_TRANSACTIONS);
  private final ArrayDeque<Outgoing> queued = new ArrayDeque<>(); // guarded by itself

  /**
   * The peer whose transactions the current receiving thread is submitting, so that {@link
   * #onPooled} (called back by the pool on that thread) does not send them back to it.
   */
  private static final ThreadLocal<PeerId> RECEIVING_FROM = new ThreadLocal<>();

  private ScheduledExecutorService flusher;
  private ScheduledFuture<?> flushing;
  private ExecutorService receiver;
  private volatile boolean running;

  public TransactionGossip(PeerNetwork network, TransactionPool pool) {
    this.network = network;
    this.pool = pool;
  }

  public synchronized void start() {
    flusher = Threads.scheduler("tx-gossip-flush");
    receiver = Threads.boundedWorker("tx-gossip-receive", 1024);
    running = true;
    flushing =
        flusher.scheduleWithFixedDelay(
            this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    running = false;
    if (flusher != null) {
      flushing.cancel(false);
      flusher.shutdownNow();
      receiver.shutdownNow();
    }
  }

  /**
   * The pool accepted {@code transaction} (wire it to {@code Mempool.onAccepted}): queue it for the
   * peers unless it was seen already.
   */
  public void onPooled(SignedTransaction transaction) {
    if (!seen.add(transaction.hash())) {
      return;
    }
    enqueue(new Outgoing(transaction.raw(), Optional.ofNullable(RECEIVING_FROM.get())));
  }

  /** Transactions from a peer: submitted to the pool off the network thread. */
  void onReceived(PeerId from, List<Bytes> transactions) {
    if (!running) {
      return;
    }
    Threads.offer(receiver, () -> submitAll(from, transactions));
  }

  private void submitAll(PeerId from, List<Bytes> transactions) {
    RECEIVING_FROM.set(from);
    try {
      for (Bytes raw : transactions) {
        // A hash seen before was pooled or refused here already: not worth a signature recovery.
        Hash hash = Keccak.hash(raw);
        if (!seen.contains(hash)) {
          pool.submit(raw); // an accepted one comes back through onPooled and is queued there
          seen.add(hash);
        }
      }
    } finally {
      RECEIVING_FROM.remove();
    }
  }

  private void enqueue(Outgoing outgoing) {
    int size;
    synchronized (queued) {
      if (queued.size() >= QUEUED_MAX) {
        return; // peers will see it in a block; gossip is best effort
      }
      queued.add(outgoing);
      size = queued.size();
    }
    if (size == BATCH_TRANSACTIONS_MAX && running) {
      Threads.offer(flusher, this::flush);
    }
  }

  private void flush() {
    List<Outgoing> batch;
    synchronized (queued) {
      if (queued.isEmpty()) {
        return;
      }
      batch = new ArrayList<>(queued);
      queued.clear();
    }
    for (PeerId peer : network.connectedPeers()) {
      List<Bytes> forPeer = new ArrayList<>(batch.size());
      for (Outgoing outgoing : batch) {
        if (!outgoing.origin().equals(Optional.of(peer))) {
          forPeer.add(outgoing.raw());
        }
      }
      sendInFrames(peer, forPeer);
    }
  }

  private void sendInFrames(PeerId peer, List<Bytes> transactions) {
    List<Bytes> frame = new ArrayList<>();
    long frameBytes = 0;
    for (Bytes raw : transactions) {
      if (frame.size() == BATCH_TRANSACTIONS_MAX
          || (!frame.isEmpty() && frameBytes + raw.size() > BATCH_BYTES_MAX)) {
        send(peer, frame);
        frame = new ArrayList<>();
        frameBytes = 0;
      }
      frame.add(raw);
      frameBytes += raw.size();
    }
    if (!frame.isEmpty()) {
      send(peer, frame);
    }
  }

  private void send(PeerId peer, List<Bytes> transactions) {
    network.send(
        peer,
        MessageType.TRANSACTIONS,
        NetworkCodec.encode(new NetworkMessage.Transactions(transactions)));
  }
}
