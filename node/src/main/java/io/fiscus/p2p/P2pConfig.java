package io.fiscus.p2p;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The p2p layer's settings.
 *
 * @param host the address to listen on (and to announce)
 * @param port the TCP port to listen on; 0 picks a free one (tests)
 * @param staticPeers peers dialed at start and redialed with backoff while disconnected (the
 *     bootnodes and static nodes; they still have to be on the allowlist)
 * @param peersMax the most authenticated connections
 * @param frameBytesMax the largest frame (type byte and payload) accepted or sent
 * @param outboundQueueFramesMax frames waiting to be written to one peer before new ones drop
 * @param inboundFramesPerSecond the rate of frames a peer may send, sustained
 * @param inboundFramesBurst the frames a peer may send at once above the rate
 * @param reconnectBackoffMin the first wait before redialing a static peer
 * @param reconnectBackoffMax the longest wait between redials
 * @param handshakeTimeout the time from TCP connect to an accepted hello
 * @param pingInterval a keepalive frame is sent after this much write silence
 * @param idleTimeout a connection with this much read silence is closed (half-open peers)
 * @param ban how long a misbehaving peer (or, for garbage before the hello, its address) is banned
 * @param permissionsReloadInterval how often the permissions file's modification time is checked
 * @param eventLoopThreads Netty threads for all connections
 */
public record P2pConfig(
    String host,
    int port,
    List<Enode> staticPeers,
    int peersMax,
    int frameBytesMax,
    int outboundQueueFramesMax,
    int inboundFramesPerSecond,
    int inboundFramesBurst,
    Duration reconnectBackoffMin,
    Duration reconnectBackoffMax,
    Duration handshakeTimeout,
    Duration pingInterval,
    Duration idleTimeout,
    Duration ban,
    Duration permissionsReloadInterval,
    int eventLoopThreads) {

  public static final int PEERS_MAX_DEFAULT = 25;
  public static final int FRAME_BYTES_MAX_DEFAULT = 16 * 1024 * 1024;
  public static final Duration BAN_DEFAULT = Duration.ofMinutes(10);

  public P2pConfig {
    Objects.requireNonNull(host, "host");
    staticPeers = List.copyOf(staticPeers);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("p2p port out of range: " + port);
    }
    requirePositive(peersMax, "peersMax");
    requirePositive(frameBytesMax, "frameBytesMax");
    requirePositive(outboundQueueFramesMax, "outboundQueueFramesMax");
    requirePositive(inboundFramesPerSecond, "inboundFramesPerSecond");
    requirePositive(inboundFramesBurst, "inboundFramesBurst");
    requirePositive(eventLoopThreads, "eventLoopThreads");
    if (ban.isNegative() || ban.isZero()) {
      throw new IllegalArgumentException("ban must be positive, got " + ban);
    }
    if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
      throw new IllegalArgumentException("reconnectBackoffMax < reconnectBackoffMin");
    }
  }

  /** These settings with bans lasting {@code ban}. */
  public P2pConfig withBan(Duration ban) {
    return new P2pConfig(
        host,
        port,
        staticPeers,
        peersMax,
        frameBytesMax,
        outboundQueueFramesMax,
        inboundFramesPerSecond,
        inboundFramesBurst,
        reconnectBackoffMin,
        reconnectBackoffMax,
        handshakeTimeout,
        pingInterval,
        idleTimeout,
        ban,
        permissionsReloadInterval,
        eventLoopThreads);
  }

  /** The defaults for a node listening on {@code host:port} with these static peers. */
  public static P2pConfig defaults(String host, int port, List<Enode> staticPeers) {
    return new P2pConfig(
        host,
        port,
        staticPeers,
        PEERS_MAX_DEFAULT,
        FRAME_BYTES_MAX_DEFAULT,
        4_096,
        5_000,
        20_000,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        BAN_DEFAULT,
        Duration.ofSeconds(2),
        2);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
