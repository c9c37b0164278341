package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.network.NetworkCodec;
import io.fiscus.network.NetworkMessage;
import io.fiscus.network.TamperingRelay;
import io.fiscus.p2p.Allowlist;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.NodesPermissionsFile;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.netty.NettyPeerNetwork;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misbehaving peers are banned while consensus goes on. A peer holding an allowed full node's key
 * (a real p2p stack in this test, {@link TamperingRelay}) serves a syncing full node blocks with
 * forged seals: the full node bans it, refuses its reconnection, and gets the chain from the
 * validators. Then the same peer floods a validator with frames: the validator bans it too, and the
 * validators keep finalizing blocks throughout.
 */
class PeerBanIT {
  private static final int VALIDATORS = 4;
  private static final int BYZANTINE = VALIDATORS; // the first full-node slot
  private static final int SYNCING = VALIDATORS + 1;

  @Test
  void aPeerServingForgedBlocksOrFloodingIsBannedAndConsensusGoesOn(@TempDir Path dir) {
    try (Cluster cluster =
        Cluster.builder()
            .validators(VALIDATORS)
            .blockPeriodMillis(250)
            .fullNodes(2)
            .proxied()
            .nodeArguments("--rpc-authentication-enabled=false")
            .build(dir.resolve("cluster"))) {
      diagnosed(cluster, () -> run(cluster, dir));
    }
  }

  private static void run(Cluster cluster, Path dir) {
    cluster.startValidators();
    cluster.cutOff(SYNCING); // at first the syncing node reaches the byzantine peer only
    ClusterNode validator = cluster.validators().get(0);
    cluster.awaitHeight(validator, 20, FIRST_BLOCKS);
    // The syncing node first, so the byzantine peer's first dial finds it (no redial backoff).
    ClusterNode syncing = cluster.node(SYNCING);
    cluster.start(List.of(syncing));
    NettyPeerNetwork byzantine = byzantinePeer(cluster, dir);
    PeerId upstream = peerId(validator);
    TamperingRelay relay = new TamperingRelay(byzantine, upstream, 3);
    byzantine.setHandler(relay);
    byzantine.start();
    try {

      cluster.await(
          "the syncing node to ban the peer serving forged blocks",
          RECOVERY,
          () -> syncing.metric(bans("invalid_block")) >= 1);
      assertThat(relay.tamperedBlocksServed()).isPositive();
      assertThat(syncing.head().number()).as("nothing forged was imported").isZero();
      cluster.await(
          "the syncing node to refuse the banned peer's reconnection",
          RECOVERY,
          () -> syncing.metric(refused("banned")) >= 1);
      assertThat(syncing.process().log()).contains("Banned peer", "invalid_block");

      cluster.heal(SYNCING);
      long target = validator.head().number();
      Head synced = cluster.awaitHeight(syncing, target, RECOVERY);
      assertThat(synced.hash()).isEqualTo(validator.blockAt(synced.number()).hash());

      long beforeFlood = cluster.commonHeight();
      Thread flooder = Thread.ofPlatform().start(() -> flood(byzantine, upstream));
      cluster.await(
          "the validator to ban the flooding peer",
          RECOVERY,
          () -> validator.metric(bans("flood")) >= 1);
      flooder.interrupt();
      cluster.await(
          "the validator to refuse the banned peer's reconnection",
          RECOVERY,
          () -> validator.metric(refused("banned")) >= 1);
      cluster.awaitAllAtLeast(beforeFlood + 8, RECOVERY);
      assertThat(cluster.validators())
          .allSatisfy(v -> assertThat(v.peerPublicKeys()).hasSizeGreaterThanOrEqualTo(3));
      assertThat(validator.peerPublicKeys()).doesNotContain(cluster.node(BYZANTINE).publicKeyHex());
    } finally {
      byzantine.stop();
    }
  }

  /** Sends frames to {@code victim} as fast as the transport takes them, until interrupted. */
  private static void flood(NettyPeerNetwork from, PeerId victim) {
    Bytes status = NetworkCodec.encode(new NetworkMessage.Status(1, Hash.ZERO));
    while (!Thread.currentThread().isInterrupted()) {
      if (!from.send(victim, MessageType.STATUS, status)) {
        Thread.onSpinWait();
      }
    }
  }

  /**
   * A real p2p stack with the first full-node slot's key, listening where that node would, dialing
   * the first validator and the syncing node directly (not through their proxies).
   */
  private static NettyPeerNetwork byzantinePeer(Cluster cluster, Path dir) {
    ClusterNode slot = cluster.node(BYZANTINE);
    PrivateKey key = new PrivateKey(slot.key().getEcKeyPair().getPrivateKey());
    List<Enode> dials =
        List.of(
            Enode.parse(cluster.validators().get(0).enode()),
            Enode.parse(cluster.node(SYNCING).enode()));
    Set<Address> validators =
        cluster.validators().stream()
            .map(v -> Address.fromHex(v.address()))
            .collect(Collectors.toUnmodifiableSet());
    Allowlist allowlist =
        new Allowlist(
            () -> validators,
            Optional.of(
                new NodesPermissionsFile(
                    cluster.network().directory.resolve("permissions_config.toml"))));
    return new NettyPeerNetwork(
        P2pConfig.defaults("127.0.0.1", slot.p2pPort(), dials),
        key,
        cluster.network().chainId,
        Hash.fromHex(cluster.validators().get(0).blockAt(0).hash()),
        () -> new ChainHead(0, Hash.ZERO),
        allowlist,
        dir.resolve("byzantine"),
        new NodeMetrics());
  }

  private static PeerId peerId(ClusterNode node) {
    return new PeerId(
        Secp256k1.signer().publicKey(new PrivateKey(node.key().getEcKeyPair().getPrivateKey())));
  }

  private static String bans(String reason) {
    return "fiscus_p2p_bans_total{reason=\"" + reason + "\"}";
  }

  private static String refused(String reason) {
    return "fiscus_p2p_refused_total{reason=\"" + reason + "\"}";
  }
}
