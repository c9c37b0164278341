package io.fiscus.p2p.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.p2p.Hello;
import io.fiscus.p2p.HelloCodec;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerId;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a node must refuse, sent by a hand-driven TLS client. */
class HandshakeRefusalTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path temp;
  private final Set<Address> validators = ConcurrentHashMap.newKeySet();
  private final PrivateKey rogueKey = TestPeer.newKey();
  private TestPeer node;

  @BeforeEach
  void startNode() {
    validators.add(Secp256k1.address(rogueKey));
    node = startPeer("node", TestPeer.config(List.of()));
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private TestPeer startPeer(String name, P2pConfig config) {
    PrivateKey key = TestPeer.newKey();
    validators.add(Secp256k1.address(key));
    return new TestPeer(
            key, temp.resolve(name), config, () -> Set.copyOf(validators), Optional.empty())
        .start();
  }

  private RoguePeer rogue() throws Exception {
    return RoguePeer.connect(node.network.port(), temp.resolve("rogue"));
  }

  @Test
  void anHonestHandshakeFromTheRogueClientIsAccepted() throws Exception {
    try (RoguePeer rogue = rogue()) {
      Hello theirs = HelloCodec.decode(rogue.handshake(rogueKey));
      assertThat(theirs.nodeKey()).isEqualTo(node.id());
      await().atMost(WAIT).until(() -> node.network.connectedPeers().contains(idOf(rogueKey)));
      rogue.writeFrame(MessageType.STATUS.code(), Bytes.fromHex("c0"));
      await().atMost(WAIT).until(() -> node.recorder.from(idOf(rogueKey)).size() == 1);
    }
  }

  @Test
  void aHelloWithAnotherGenesisIsRefused() throws Exception {
    try (RoguePeer rogue = rogue().exchangeChallenges()) {
      rogue.sendHello(rogue.hello(rogueKey, TestPeer.CHAIN_ID, Hash.ZERO));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertRefused("wrong_genesis");
  }

  @Test
  void aHelloWithAnotherChainIdIsRefused() throws Exception {
    try (RoguePeer rogue = rogue().exchangeChallenges()) {
      rogue.sendHello(rogue.hello(rogueKey, 1, TestPeer.GENESIS));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertRefused("wrong_chain_id");
  }

  @Test
  void aSignedHelloForAnotherChainBansItsKey() throws Exception {
    try (RoguePeer rogue = rogue().exchangeChallenges()) {
      rogue.sendHello(rogue.hello(rogueKey, 1, TestPeer.GENESIS));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    await().atMost(WAIT).until(() -> node.bans("wrong_chain") >= 1.0);
    try (RoguePeer again = rogue()) {
      again.handshake(rogueKey);
      assertThat(again.closedByPeer()).isTrue();
    }
    assertRefused("banned");
  }

  @Test
  void aKeyNotOnTheAllowlistIsRefused() throws Exception {
    PrivateKey stranger = TestPeer.newKey();
    try (RoguePeer rogue = rogue().exchangeChallenges()) {
      rogue.sendHello(rogue.hello(stranger, TestPeer.CHAIN_ID, TestPeer.GENESIS));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertRefused("not_allowlisted");
  }

  @Test
  void aHelloClaimingAValidatorsKeyButSignedByAnotherIsRefused() throws Exception {
    PrivateKey forger = TestPeer.newKey();
    try (RoguePeer rogue = rogue().exchangeChallenges()) {
      Hello honest = rogue.hello(rogueKey, TestPeer.CHAIN_ID, TestPeer.GENESIS);
      Hello forged =
          new Hello(
              honest.chainId(),
              honest.genesisHash(),
              honest.protocolVersion(),
              honest.head(),
              honest.listenPort(),
              honest.nodeKey(),
              Secp256k1.signer().sign(HelloCodec.signingHash(honest, rogue.ourBinding()), forger));
      rogue.sendHello(forged);
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertRefused("bad_signature");
  }

  @Test
  void aHelloCapturedOnAnotherConnectionCannotBeReplayed() throws Exception {
    TestPeer victim = startPeer("victim", TestPeer.config(List.of()));
    try {
      Bytes captured;
      try (RoguePeer towardVictim =
          RoguePeer.connect(victim.network.port(), temp.resolve("rogue"))) {
        towardVictim.exchangeChallenges();
        captured = towardVictim.readHello(); // the victim signs its hello to us
      }
      assertThat(HelloCodec.decode(captured).nodeKey()).isEqualTo(victim.id());

      try (RoguePeer rogue = rogue().exchangeChallenges()) {
        rogue.writeFrame(FrameTypes.HELLO, captured);
        assertThat(rogue.closedByPeer()).isTrue();
      }
      assertRefused("bad_signature");
      assertThat(node.network.connectedPeers()).doesNotContain(victim.id());
    } finally {
      victim.close();
    }
  }

  @Test
  void bytesThatAreNotTlsAreRefused() throws Exception {
    byte[] garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RoguePeer.plainGarbageIsClosed(node.network.port(), garbage)).isTrue();
    assertRefused("tls_failed");
  }

  @Test
  void garbageBeforeTheHelloBansTheAddress() throws Exception {
    byte[] garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(RoguePeer.plainGarbageIsClosed(node.network.port(), garbage)).isTrue();
    await().atMost(WAIT).until(() -> node.bans("garbage_before_hello") >= 1.0);

    // Closed at accept, before TLS: the handshake cannot complete.
    assertThatThrownBy(this::rogue).isInstanceOf(java.io.IOException.class);
    assertRefused("banned_address");
    assertThat(node.bans("garbage_before_hello")).isEqualTo(1.0);
  }

  @Test
  void aFrameOtherThanAChallengeFirstIsRefused() throws Exception {
    try (RoguePeer rogue = rogue()) {
      rogue.writeFrame(MessageType.STATUS.code(), Bytes.fromHex("c0"));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertRefused("protocol_violation");
  }

  @Test
  void anOversizeFrameDisconnectsAndBans() throws Exception {
    try (RoguePeer rogue = rogue()) {
      rogue.handshake(rogueKey);
      rogue.writeRaw(new byte[] {0, 0x10, 0, 1, 2}); // 1 MiB + 1 > the 64 KiB test limit
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertBanned("oversize_frame");
  }

  @Test
  void garbageAfterTheHelloDisconnectsAndBans() throws Exception {
    try (RoguePeer rogue = rogue()) {
      rogue.handshake(rogueKey);
      rogue.writeRaw(new byte[] {0, 0, 0, 0, 0x55, 0x55}); // an empty frame: no type byte
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertBanned("malformed_frame");
  }

  @Test
  void anUnknownFrameTypeDisconnectsAndBans() throws Exception {
    try (RoguePeer rogue = rogue()) {
      rogue.handshake(rogueKey);
      rogue.writeFrame(0x55, Bytes.fromHex("01"));
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertBanned("unknown_type");
  }

  @Test
  void aFloodDisconnectsAndBans() throws Exception {
    try (RoguePeer rogue = rogue()) {
      rogue.handshake(rogueKey);
      try {
        for (int i = 0; i < 20_000; i++) {
          rogue.writeFrame(MessageType.STATUS.code(), Bytes.fromHex("c0"));
        }
      } catch (java.io.IOException closedWhileWriting) {
        // the node hung up mid-flood: that is the point
      }
      assertThat(rogue.closedByPeer()).isTrue();
    }
    assertBanned("flood");
  }

  private void assertRefused(String reason) {
    await().atMost(WAIT).until(() -> node.refused(reason) >= 1.0);
    assertThat(node.network.connectedPeers()).isEmpty();
  }

  /** Banned: disconnected, counted, and a fresh honest connection is refused for a while. */
  private void assertBanned(String reason) throws Exception {
    await().atMost(WAIT).until(() -> node.bans(reason) >= 1.0);
    await().atMost(WAIT).until(() -> node.network.connectedPeers().isEmpty());
    try (RoguePeer again = rogue()) {
      again.handshake(rogueKey);
      assertThat(again.closedByPeer()).isTrue();
    }
    assertRefused("banned");
  }

  private static PeerId idOf(PrivateKey key) {
    return new PeerId(Secp256k1.signer().publicKey(key));
  }
}
