package io.fiscus.p2p;

import io.fiscus.types.Bytes;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Port: authenticated, encrypted connections to the allowed peers, exchanging typed frames. The
 * transport (TLS, hello, allowlist, framing, reconnects, bounds) lives behind it; the node's
 * protocols (gossip, consensus, sync) are its consumers. Thread-safe; sends never block: a frame
 * that does not fit a peer's bounded outbound queue is dropped and counted.
 */
public interface PeerNetwork extends Peers {

  /** Told about inbound frames and connection changes, on network threads: must not block. */
  interface Handler {
    void onMessage(PeerId from, MessageType type, Bytes payload);

    /** A peer passed the hello; {@code headNumber} is the head it announced in it. */
    void onConnected(PeerId peer, long headNumber);

    void onDisconnected(PeerId peer);
  }

  /** Sets the one handler (before {@link #start()}). */
  void setHandler(Handler handler);

  void start();

  void stop();

  /** Sends to one connected peer; false if it is not connected or its queue is full. */
  boolean send(PeerId peer, MessageType type, Bytes payload);

  /** Sends to every connected peer accepted by {@code to}. */
  void broadcast(MessageType type, Bytes payload, Predicate<PeerId> to);

  /** The peers connected now (passed the hello and the allowlist). */
  Set<PeerId> connectedPeers();

  /**
   * A protocol found a peer misbehaving (an invalid block, a malformed message): disconnect it, ban
   * its key for the configured time (its connections are refused and it is not dialed), count and
   * log the reason.
   *
   * @param detail for the log: what exactly was wrong
   */
  void ban(PeerId peer, BanReason reason, String detail);
}
