package io.fiscus.p2p.netty;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Allowlist;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.NodesPermissionsFile;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** One in-JVM node for the transport tests: a network, its key, data directory and a recorder. */
final class TestPeer implements AutoCloseable {
  static final long CHAIN_ID = 2024;
  static final Hash GENESIS = Hash.fromHex("0x" + "ab".repeat(32));
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A frame the handler received. */
  record Received(PeerId from, MessageType type, Bytes payload) {}

  /** Records what the network tells its handler. */
  static final class Recorder implements PeerNetwork.Handler {
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final Set<PeerId> connected = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onMessage(PeerId from, MessageType type, Bytes payload) {
      received.add(new Received(from, type, payload));
    }

    @Override
    public void onConnected(PeerId peer, long headNumber) {
      connected.add(peer);
      events.add("connected " + peer);
    }

    @Override
    public void onDisconnected(PeerId peer) {
      connected.remove(peer);
      events.add("disconnected " + peer);
    }

    List<Received> from(PeerId peer) {
      return received.stream().filter(r -> r.from().equals(peer)).toList();
    }
  }

  final PrivateKey key;
  final Path dataDirectory;
  final NodeMetrics metrics = new NodeMetrics();
  final Recorder recorder = new Recorder();
  final NettyPeerNetwork network;

  TestPeer(
      PrivateKey key,
      Path dataDirectory,
      P2pConfig config,
      Supplier<Set<Address>> validators,
      Optional<Path> permissionsFile) {
    this(key, dataDirectory, config, validators, permissionsFile, CHAIN_ID, GENESIS);
  }

  TestPeer(
      PrivateKey key,
      Path dataDirectory,
      P2pConfig config,
      Supplier<Set<Address>> validators,
      Optional<Path> permissionsFile,
      long chainId,
      Hash genesis) {
    this.key = key;
    this.dataDirectory = dataDirectory;
    this.network =
        new NettyPeerNetwork(
            config,
            key,
            chainId,
            genesis,
            () -> new ChainHead(7, Hash.ZERO),
            new Allowlist(validators, permissionsFile.map(NodesPermissionsFile::new)),
            dataDirectory,
            metrics);
    network.setHandler(recorder);
  }

  TestPeer start() {
    network.start();
    return this;
  }

  PeerId id() {
    return network.self();
  }

  Enode enode() {
    return network.enode();
  }

  static PrivateKey newKey() {
    return PrivateKey.random(RANDOM);
  }

  /** Fast timings for tests; listens on an ephemeral loopback port. */
  static P2pConfig config(List<Enode> staticPeers) {
    return config(0, staticPeers);
  }

  static P2pConfig config(int port, List<Enode> staticPeers) {
    return new P2pConfig(
        "127.0.0.1",
        port,
        staticPeers,
        25,
        64 * 1024,
        64,
        2_000,
        4_000,
        Duration.ofMillis(50),
        Duration.ofMillis(400),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        1);
  }

  double refused(String reason) {
    return metrics.p2pRefused.labelValues(reason).get();
  }

  double bans(String reason) {
    return metrics.p2pBans.labelValues(reason).get();
  }

  @Override
  public void close() {
    network.stop();
  }
}
