package io.fiscus.network;

import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Bytes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A node's {@link PeerNetwork} on a {@link FakeNetworkHub}: frames to a connected peer are handed
 * to that peer's handler on the peer's own delivery thread (one thread per node, like a network
 * thread, so frames between two nodes stay in order and a handler never runs on the sender's
 * thread).
 */
final class FakePeerNetwork implements PeerNetwork {
  private final FakeNetworkHub hub;
  private final PeerId id;
  private final LongSupplier headNumber;
  private final Set<PeerId> connected = new ConcurrentSkipListSet<>();
  private final ExecutorService delivery;
  private volatile Handler handler;
  private volatile boolean started;

  FakePeerNetwork(FakeNetworkHub hub, PeerId id, LongSupplier headNumber) {
    this.hub = hub;
    this.id = id;
    this.headNumber = headNumber;
    this.delivery =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-net-" + id);
              thread.setDaemon(true);
              return thread;
            });
  }

  PeerId id() {
    return id;
  }

  @Override
  public void setHandler(Handler handler) {
    this.handler = handler;
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public void stop() {
    started = false;
    for (PeerId peer : List.copyOf(connected)) {
      hub.disconnect(id, peer);
    }
    delivery.shutdownNow();
  }

  @Override
  public boolean send(PeerId peer, MessageType type, Bytes payload) {
    if (!connected.contains(peer)) {
      return false;
    }
    if (!hub.drops(id, peer, type)) {
      FakePeerNetwork target = hub.node(peer);
      target.deliver(() -> target.handler.onMessage(id, type, payload));
    }
    return true;
  }

  @Override
  public void broadcast(MessageType type, Bytes payload, Predicate<PeerId> to) {
    for (PeerId peer : connected) {
      if (to.test(peer)) {
        send(peer, type, payload);
      }
    }
  }

  @Override
  public Set<PeerId> connectedPeers() {
    return Set.copyOf(connected);
  }

  @Override
  public void ban(PeerId peer, BanReason reason, String detail) {
    hub.penalized(id, peer, reason.label() + ": " + detail);
  }

  @Override
  public List<PeerInfo> connected() {
    return connected.stream()
        .map(
            peer -> new PeerInfo("enode://" + peer.publicKey().toHex().substring(2), "fake", false))
        .toList();
  }

  /** Adds {@code other} as a peer if both are running; true if the link is up. */
  boolean link(FakePeerNetwork other) {
    if (!started || !other.started || other.id.equals(id)) {
      return false;
    }
    if (connected.add(other.id)) {
      long head = other.headNumber.getAsLong();
      deliver(() -> handler.onConnected(other.id, head));
    }
    return true;
  }

  void unlink(PeerId peer) {
    if (connected.remove(peer)) {
      deliver(() -> handler.onDisconnected(peer));
    }
  }

  private void deliver(Runnable task) {
    if (!started) {
      return;
    }
    try {
      delivery.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped meanwhile: the frame is lost, as on a closed connection
    }
  }
}
