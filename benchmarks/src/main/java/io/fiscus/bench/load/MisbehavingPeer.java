package io.fiscus.bench.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.network.NetworkCodec;
import io.fiscus.network.NetworkMessage;
import io.fiscus.p2p.Allowlist;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.NodesPermissionsFile;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.p2p.netty.NettyPeerNetwork;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * {@code --misbehaving-peer}: an allowed full node (its key is in the validators' permissions file)
 * running the node's real p2p stack, that misbehaves at every validator each time it gets a
 * connection: in turn it floods frames as fast as the transport takes them, or sends a message that
 * does not decode. The validators are expected to ban it and refuse it while the load runs.
 */
final class MisbehavingPeer implements PeerNetwork.Handler, AutoCloseable {
  private static final long FLOOD_MILLIS_MAX = 10_000;

  /**
   * What it did, counted on its side. A connection counts when the validator's hello checks out
   * here; the validator may still refuse ours at once (a ban), so this is at least the number of
   * times it was let in.
   */
  record Tally(int connections, int floods, int malformedMessages) {}

  private final NettyPeerNetwork network;
  private final ExecutorService misbehaving = Executors.newSingleThreadExecutor();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger floods = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private volatile boolean closed;

  private MisbehavingPeer(NettyPeerNetwork network) {
    this.network = network;
  }

  /** Starts the peer; it dials every validator of {@code network}. */
  static MisbehavingPeer start(LocalNetwork network, Hash genesisHash, Path dataDirectory) {
    // Its own connects and disconnects would crowd the benchmark's console; its bans are in the
    // validators' logs and metrics.
    ((Logger) LoggerFactory.getLogger(NettyPeerNetwork.class)).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger(NodesPermissionsFile.class)).setLevel(Level.WARN);
    List<Enode> validators =
        network.validatorMembers().stream().map(LocalNetwork.Member::enode).toList();
    Set<Address> validatorAddresses =
        validators.stream().map(e -> e.id().address()).collect(Collectors.toUnmodifiableSet());
    NettyPeerNetwork transport =
        new NettyPeerNetwork(
            P2pConfig.defaults("127.0.0.1", 0, validators),
            LocalNetwork.misbehavingPeerKey(),
            network.chainId(),
            genesisHash,
            () -> new ChainHead(0, genesisHash),
            new Allowlist(
                () -> validatorAddresses,
                Optional.of(new NodesPermissionsFile(network.permissionsFile()))),
            dataDirectory,
            new NodeMetrics());
    MisbehavingPeer peer = new MisbehavingPeer(transport);
    transport.setHandler(peer);
    transport.start();
    return peer;
  }

  Tally tally() {
    return new Tally(connections.get(), floods.get(), malformed.get());
  }

  @Override
  public void onConnected(PeerId peer, long headNumber) {
    int nth = connections.incrementAndGet();
    misbehaving.execute(() -> misbehave(peer, nth % 2 == 0));
  }

  private void misbehave(PeerId victim, boolean flood) {
    if (flood) {
      floods.incrementAndGet();
      flood(victim);
    } else {
      malformed.incrementAndGet();
      network.send(victim, MessageType.BLOCKS, Bytes.fromHex("deadbeef"));
    }
  }

  /** Sends STATUS frames until the victim hangs up, the time bound passes, or the run ends. */
  private void flood(PeerId victim) {
    Bytes status = NetworkCodec.encode(new NetworkMessage.Status(0, Hash.ZERO));
    long deadline = System.currentTimeMillis() + FLOOD_MILLIS_MAX;
    while (!closed
        && System.currentTimeMillis() < deadline
        && network.connectedPeers().contains(victim)) {
      if (!network.send(victim, MessageType.STATUS, status)) {
        // Its queue is full: wait a little rather than spin, so the benchmark's cores go to the
        // validators (a real attacker's CPU is not theirs).
        LockSupport.parkNanos(100_000);
      }
    }
  }

  @Override
  public void onMessage(PeerId from, MessageType type, Bytes payload) {}

  @Override
  public void onDisconnected(PeerId peer) {}

  @Override
  public void close() {
    closed = true;
    misbehaving.shutdownNow();
    try {
      misbehaving.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    network.stop();
  }
}
