package io.fiscus.p2p.netty;

import io.fiscus.p2p.Enode;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one static peer (bootnode or static node) connected: dials it, and after a failed dial or a
 * lost connection waits and dials again, doubling the wait from the minimum to the maximum backoff;
 * a connection that passed the hello resets the wait. While the peer is connected by its own dial,
 * or serving a penalty, it waits. At most one dial is in flight. All state changes run on one event
 * loop, so no locking is needed.
 */
final class StaticPeerDialer {
  private enum State {
    SCHEDULED,
    DIALING,
    CONNECTED_INBOUND
  }

  private final Enode enode;
  private final NettyPeerNetwork network;
  private final EventLoop loop;
  private State state = State.SCHEDULED;
  private Duration nextBackoff;

  StaticPeerDialer(Enode enode, NettyPeerNetwork network, EventLoop loop) {
    this.enode = enode;
    this.network = network;
    this.loop = loop;
    this.nextBackoff = network.config().reconnectBackoffMin();
  }

  Enode enode() {
    return enode;
  }

  void start() {
    run(this::attempt);
  }

  /** The peer's connection ended, whichever side dialed it. */
  void onPeerDisconnected() {
    run(
        () -> {
          if (state == State.CONNECTED_INBOUND) {
            nextBackoff = network.config().reconnectBackoffMin();
            schedule(Duration.ZERO);
          }
        });
  }

  private void attempt() {
    if (network.isStopped()) {
      return;
    }
    if (network.isConnected(enode.id())) {
      state = State.CONNECTED_INBOUND;
      return;
    }
    Duration banned = network.banRemaining(enode.id());
    if (!banned.isZero()) {
      schedule(banned);
      return;
    }
    state = State.DIALING;
    PeerSession session = new PeerSession(network, Optional.of(enode));
    ChannelFuture connecting = network.dial(enode, session);
    connecting.addListener(
        done -> {
          if (!done.isSuccess()) {
            run(() -> afterDial(false));
            return;
          }
          connecting
              .channel()
              .closeFuture()
              .addListener(closed -> run(() -> afterDial(session.peer() != null)));
        });
  }

  private void afterDial(boolean wasAccepted) {
    if (wasAccepted) {
      nextBackoff = network.config().reconnectBackoffMin();
    }
    Duration wait = nextBackoff;
    Duration doubled = nextBackoff.multipliedBy(2);
    Duration max = network.config().reconnectBackoffMax();
    nextBackoff = doubled.compareTo(max) > 0 ? max : doubled;
    schedule(wait);
  }

  private void schedule(Duration wait) {
    state = State.SCHEDULED;
    if (network.isStopped()) {
      return;
    }
    try {
      ScheduledFuture<?> unused =
          loop.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The network is stopping: nothing more to dial.
    }
  }

  private void run(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      // The network is stopping: nothing more to dial.
    }
  }
}
