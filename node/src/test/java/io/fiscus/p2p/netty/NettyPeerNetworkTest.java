package io.fiscus.p2p.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.Peers.PeerInfo;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyPeerNetworkTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path temp;
  private final Set<Address> validators = ConcurrentHashMap.newKeySet();
  private final List<TestPeer> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(TestPeer::close);
  }

  private TestPeer validator(String name, List<io.fiscus.p2p.Enode> staticPeers) {
    return validator(name, TestPeer.newKey(), TestPeer.config(staticPeers));
  }

  private TestPeer validator(String name, PrivateKey key, io.fiscus.p2p.P2pConfig config) {
    validators.add(Secp256k1.address(key));
    TestPeer peer =
        new TestPeer(
            key, temp.resolve(name), config, () -> Set.copyOf(validators), Optional.empty());
    started.add(peer);
    return peer.start();
  }

  @Test
  void twoValidatorsConnectAndExchangeFramesBothWays() {
    TestPeer a = validator("a", List.of());
    TestPeer b = validator("b", List.of(a.enode()));

    await()
        .atMost(WAIT)
        .until(
            () -> a.recorder.connected.contains(b.id()) && b.recorder.connected.contains(a.id()));
    assertThat(a.network.send(b.id(), MessageType.STATUS, Bytes.fromHex("010203"))).isTrue();
    assertThat(b.network.send(a.id(), MessageType.TRANSACTIONS, Bytes.fromHex("04"))).isTrue();

    await()
        .atMost(WAIT)
        .until(() -> !b.recorder.from(a.id()).isEmpty() && !a.recorder.from(b.id()).isEmpty());
    assertThat(b.recorder.from(a.id()).getFirst())
        .isEqualTo(new TestPeer.Received(a.id(), MessageType.STATUS, Bytes.fromHex("010203")));
    assertThat(a.recorder.from(b.id()).getFirst())
        .isEqualTo(new TestPeer.Received(b.id(), MessageType.TRANSACTIONS, Bytes.fromHex("04")));
    assertThat(a.network.connectedPeers()).containsExactly(b.id());
    assertThat(a.metrics.peers.get()).isEqualTo(1.0);
  }

  @Test
  void peerInfoNamesTheDialableEnodeAndTheValidatorFlag() {
    TestPeer a = validator("a", List.of());
    TestPeer b = validator("b", List.of(a.enode()));
    await().atMost(WAIT).until(() -> a.network.connected().size() == 1);

    PeerInfo seenByA = a.network.connected().getFirst();
    assertThat(seenByA.enode()).isEqualTo(b.enode().url());
    assertThat(seenByA.remoteAddress()).startsWith("127.0.0.1:");
    assertThat(seenByA.validator()).isTrue();
    assertThat(b.network.connected().getFirst().enode()).isEqualTo(a.enode().url());
  }

  @Test
  void broadcastReachesEveryAcceptedPeerOfThree() {
    TestPeer a = validator("a", List.of());
    TestPeer b = validator("b", List.of(a.enode()));
    TestPeer c = validator("c", List.of(a.enode(), b.enode()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.network.connectedPeers().size() == 2
                    && b.network.connectedPeers().size() == 2
                    && c.network.connectedPeers().size() == 2);

    a.network.broadcast(MessageType.QBFT, Bytes.fromHex("09"), peer -> true);
    c.network.broadcast(MessageType.NEW_BLOCK, Bytes.fromHex("08"), peer -> !peer.equals(a.id()));

    await()
        .atMost(WAIT)
        .until(
            () ->
                b.recorder.from(a.id()).size() == 1
                    && c.recorder.from(a.id()).size() == 1
                    && b.recorder.from(c.id()).size() == 1);
    assertThat(a.recorder.from(c.id())).isEmpty();
  }

  @Test
  void aStaticPeerIsRedialedAfterItRestarts() throws Exception {
    PrivateKey keyB = TestPeer.newKey();
    TestPeer b = validator("b", keyB, TestPeer.config(List.of()));
    int portB = b.network.port();
    TestPeer a = validator("a", List.of(b.enode()));
    await().atMost(WAIT).until(() -> a.network.connectedPeers().contains(b.id()));

    b.close();
    await().atMost(WAIT).until(() -> a.network.connectedPeers().isEmpty());
    Thread.sleep(300); // a few failed redials while b is down
    TestPeer restarted = validator("b", keyB, TestPeer.config(portB, List.of()));

    await().atMost(WAIT).until(() -> a.network.connectedPeers().contains(restarted.id()));
    assertThat(a.recorder.events).contains("disconnected " + b.id());
    assertThat(a.network.send(restarted.id(), MessageType.STATUS, Bytes.fromHex("05"))).isTrue();
    await().atMost(WAIT).until(() -> restarted.recorder.from(a.id()).size() == 1);
  }

  @Test
  void theTlsIdentityIsKeptInTheDataDirectoryOwnerOnlyAndReused() throws IOException {
    TestPeer a = validator("a", List.of());
    Path keyFile = a.dataDirectory.resolve(TlsIdentity.KEY_FILE);
    Path certificateFile = a.dataDirectory.resolve(TlsIdentity.CERTIFICATE_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    String certificate = Files.readString(certificateFile);

    assertThat(TlsIdentity.loadOrCreate(a.dataDirectory).certificate())
        .isEqualTo(TlsIdentity.loadOrCreate(a.dataDirectory).certificate());
    assertThat(Files.readString(certificateFile)).isEqualTo(certificate);
  }

  @Test
  void simultaneousDialsEndWithExactlyOneConnection() throws Exception {
    PrivateKey keyA = TestPeer.newKey();
    PrivateKey keyB = TestPeer.newKey();
    int portA = freePort();
    int portB = freePort();
    io.fiscus.p2p.Enode enodeA = new io.fiscus.p2p.Enode(idOf(keyA), "127.0.0.1", portA);
    io.fiscus.p2p.Enode enodeB = new io.fiscus.p2p.Enode(idOf(keyB), "127.0.0.1", portB);
    validators.add(Secp256k1.address(keyA));
    validators.add(Secp256k1.address(keyB));
    TestPeer a = validator("a", keyA, TestPeer.config(portA, List.of(enodeB)));
    TestPeer b = validator("b", keyB, TestPeer.config(portB, List.of(enodeA)));

    await()
        .atMost(WAIT)
        .until(
            () ->
                a.network.connectedPeers().contains(b.id())
                    && b.network.connectedPeers().contains(a.id()));
    Thread.sleep(1_000); // let any losing duplicate settle
    assertThat(a.network.connected()).hasSize(1);
    assertThat(b.network.connected()).hasSize(1);
    // Both sides kept the same TCP connection: its two ends mirror each other.
    String aSeesB = a.network.connected().getFirst().remoteAddress();
    String bSeesA = b.network.connected().getFirst().remoteAddress();
    assertThat(aSeesB.endsWith(":" + portB) || bSeesA.endsWith(":" + portA)).isTrue();
    assertThat(a.network.send(b.id(), MessageType.STATUS, Bytes.fromHex("01"))).isTrue();
    await().atMost(WAIT).until(() -> b.recorder.from(a.id()).size() == 1);
  }

  @Test
  void aFullNodeAddedToThePermissionsFileIsAdmittedAtRunTime() throws Exception {
    Path permissions = temp.resolve("permissions_config.toml");
    Files.writeString(permissions, "nodes-allowlist=[]\n");
    PrivateKey keyA = TestPeer.newKey();
    validators.add(Secp256k1.address(keyA));
    TestPeer a =
        new TestPeer(
            keyA,
            temp.resolve("a"),
            TestPeer.config(List.of()),
            () -> Set.copyOf(validators),
            Optional.of(permissions));
    started.add(a.start());
    PrivateKey fullNodeKey = TestPeer.newKey();
    TestPeer fullNode =
        new TestPeer(
            fullNodeKey,
            temp.resolve("full"),
            TestPeer.config(List.of(a.enode())),
            () -> Set.copyOf(validators),
            Optional.empty());
    started.add(fullNode.start());

    await().atMost(WAIT).until(() -> a.refused("not_allowlisted") >= 1);
    assertThat(a.network.connectedPeers()).isEmpty();

    Files.writeString(permissions, "nodes-allowlist=[\"" + fullNode.enode().url() + "\"]\n");
    Files.setLastModifiedTime(permissions, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    await().atMost(WAIT).until(() -> a.network.connectedPeers().contains(fullNode.id()));
    assertThat(a.network.connected().getFirst().validator()).isFalse();
  }

  @Test
  void aValidatorVotedOutIsDisconnected() {
    TestPeer a = validator("a", List.of());
    TestPeer b = validator("b", List.of(a.enode()));
    await().atMost(WAIT).until(() -> a.network.connectedPeers().contains(b.id()));

    validators.remove(b.id().address());

    await().atMost(WAIT).until(() -> a.network.connectedPeers().isEmpty());
    assertThat(a.refused("no_longer_allowlisted")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aProtocolsBanDisconnectsAndKeepsThePeerAway() throws Exception {
    TestPeer a = validator("a", List.of());
    TestPeer b = validator("b", List.of(a.enode()));
    await().atMost(WAIT).until(() -> a.network.connectedPeers().contains(b.id()));

    a.network.ban(b.id(), BanReason.INVALID_BLOCK, "a test says so");

    await().atMost(WAIT).until(() -> a.refused("banned") >= 1);
    assertThat(a.bans("invalid_block")).isEqualTo(1.0);
    assertThat(a.network.connectedPeers()).isEmpty();
  }

  private static PeerId idOf(PrivateKey key) {
    return new PeerId(Secp256k1.signer().publicKey(key));
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
