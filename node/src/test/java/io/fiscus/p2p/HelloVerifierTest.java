package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelloVerifierTest {
  private static final long CHAIN_ID = 77;
  private static final Hash GENESIS = Hash.fromHex("0x" + "01".repeat(32));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey selfKey = PrivateKey.random(RANDOM);
  private final PrivateKey peerKey = PrivateKey.random(RANDOM);
  private final PeerId self = id(selfKey);
  private final PeerId peer = id(peerKey);
  private final Set<Address> validators = new HashSet<>(Set.of(self.address(), peer.address()));
  private final FakeConnections connections = new FakeConnections();
  private final SessionBinding binding = binding();
  private final HelloVerifier verifier =
      new HelloVerifier(
          CHAIN_ID,
          GENESIS,
          self,
          new Allowlist(() -> Set.copyOf(validators), Optional.empty()),
          2,
          Secp256k1.recovery());

  @Test
  void anHonestHelloFromAValidatorIsAccepted() {
    HelloVerdict verdict = verify(hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.empty());
    assertThat(verdict).isInstanceOf(HelloVerdict.Accepted.class);
    HelloVerdict.Accepted accepted = (HelloVerdict.Accepted) verdict;
    assertThat(accepted.peer()).isEqualTo(peer);
    assertThat(accepted.replacesExisting()).isFalse();
    assertThat(accepted.hello().head()).isEqualTo(new ChainHead(5, Hash.ZERO));
  }

  @Test
  void bytesThatAreNotAHelloAreMalformed() {
    assertRefused(
        verifier.verify(Bytes.fromHex("c3010203"), binding, Optional.empty(), connections),
        RefusalReason.MALFORMED_HELLO);
  }

  @Test
  void aHelloSignedForAnotherSessionHasABadSignature() {
    Hello forOtherSession = hello(peerKey, CHAIN_ID, GENESIS, binding());
    assertRefused(verify(forOtherSession, Optional.empty()), RefusalReason.BAD_SIGNATURE);
  }

  @Test
  void aHelloClaimingAKeyItIsNotSignedByHasABadSignature() {
    Hello honest = hello(peerKey, CHAIN_ID, GENESIS, binding);
    Signature byOther =
        Secp256k1.signer().sign(HelloCodec.signingHash(honest, binding), PrivateKey.random(RANDOM));
    assertRefused(
        verify(withSignature(honest, byOther), Optional.empty()), RefusalReason.BAD_SIGNATURE);
  }

  @Test
  void aHighSSignatureIsRefusedEvenThoughItRecovers() {
    Hello honest = hello(peerKey, CHAIN_ID, GENESIS, binding);
    Signature low = honest.signature();
    Signature high =
        new Signature(low.r(), Signature.CURVE_ORDER.subtract(low.s()), 1 - low.recoveryId());
    assertRefused(
        verify(withSignature(honest, high), Optional.empty()), RefusalReason.BAD_SIGNATURE);
  }

  @Test
  void anotherChainOrGenesisOrVersionIsRefused() {
    assertRefused(
        verify(hello(peerKey, CHAIN_ID + 1, GENESIS, binding), Optional.empty()),
        RefusalReason.WRONG_CHAIN_ID);
    assertRefused(
        verify(hello(peerKey, CHAIN_ID, Hash.ZERO, binding), Optional.empty()),
        RefusalReason.WRONG_GENESIS);
    Hash hash =
        HelloCodec.signingHash(CHAIN_ID, GENESIS, 2, new ChainHead(5, Hash.ZERO), 0, peer, binding);
    Hello version2 =
        new Hello(
            CHAIN_ID,
            GENESIS,
            2,
            new ChainHead(5, Hash.ZERO),
            0,
            peer,
            Secp256k1.signer().sign(hash, peerKey));
    assertRefused(verify(version2, Optional.empty()), RefusalReason.WRONG_PROTOCOL_VERSION);
  }

  @Test
  void ourOwnHelloIsRefused() {
    assertRefused(
        verify(hello(selfKey, CHAIN_ID, GENESIS, binding), Optional.empty()), RefusalReason.SELF);
  }

  @Test
  void anotherKeyAnsweringADialedEnodeIsRefused() {
    assertRefused(
        verify(
            hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.of(id(PrivateKey.random(RANDOM)))),
        RefusalReason.UNEXPECTED_PEER);
  }

  @Test
  void aBannedOrUnlistedPeerIsRefused() {
    connections.banned.add(peer);
    assertRefused(
        verify(hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.empty()), RefusalReason.BANNED);
    connections.banned.clear();
    validators.remove(peer.address());
    assertRefused(
        verify(hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.empty()),
        RefusalReason.NOT_ALLOWLISTED);
  }

  @Test
  void theConnectionDialedByTheSmallerIdWinsOnBothSides() {
    boolean weAreSmaller = self.compareTo(peer) < 0;
    // The existing connection was dialed by the smaller id; the new one by the larger.
    connections.existing.put(peer, weAreSmaller);
    Optional<PeerId> newDialedByLarger = weAreSmaller ? Optional.empty() : Optional.of(peer);
    assertRefused(
        verify(hello(peerKey, CHAIN_ID, GENESIS, binding), newDialedByLarger),
        RefusalReason.DUPLICATE);

    // The existing one was dialed by the larger id: the new one, dialed by the smaller, replaces
    // it.
    connections.existing.put(peer, !weAreSmaller);
    Optional<PeerId> newDialedBySmaller = weAreSmaller ? Optional.of(peer) : Optional.empty();
    HelloVerdict verdict = verify(hello(peerKey, CHAIN_ID, GENESIS, binding), newDialedBySmaller);
    assertThat(verdict).isInstanceOf(HelloVerdict.Accepted.class);
    assertThat(((HelloVerdict.Accepted) verdict).replacesExisting()).isTrue();
  }

  @Test
  void aSecondConnectionDialedByTheSameSideReplacesTheOlderOne() {
    connections.existing.put(peer, false);
    HelloVerdict verdict = verify(hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.empty());
    assertThat(((HelloVerdict.Accepted) verdict).replacesExisting()).isTrue();
  }

  @Test
  void aNewPeerBeyondThePeerBoundIsRefused() {
    connections.count = 2;
    assertRefused(
        verify(hello(peerKey, CHAIN_ID, GENESIS, binding), Optional.empty()),
        RefusalReason.TOO_MANY_PEERS);
  }

  @Test
  void theCodecRoundTripsAHello() {
    Hello hello = hello(peerKey, CHAIN_ID, GENESIS, binding);
    assertThat(HelloCodec.decode(HelloCodec.encode(hello))).isEqualTo(hello);
  }

  private HelloVerdict verify(Hello hello, Optional<PeerId> dialed) {
    return verifier.verify(HelloCodec.encode(hello), binding, dialed, connections);
  }

  private static void assertRefused(HelloVerdict verdict, RefusalReason reason) {
    assertThat(verdict)
        .isInstanceOfSatisfying(
            HelloVerdict.Refused.class, refused -> assertThat(refused.reason()).isEqualTo(reason));
  }

  private static Hello hello(PrivateKey key, long chainId, Hash genesis, SessionBinding binding) {
    return HelloCodec.sign(
        chainId, genesis, new ChainHead(5, Hash.ZERO), 0, key, Secp256k1.signer(), binding);
  }

  private static Hello withSignature(Hello hello, Signature signature) {
    return new Hello(
        hello.chainId(),
        hello.genesisHash(),
        hello.protocolVersion(),
        hello.head(),
        hello.listenPort(),
        hello.nodeKey(),
        signature);
  }

  private static SessionBinding binding() {
    return new SessionBinding(randomHash(), randomHash(), randomHash().bytes());
  }

  private static Hash randomHash() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Hash.wrap(bytes);
  }

  private static PeerId id(PrivateKey key) {
    return new PeerId(Secp256k1.signer().publicKey(key));
  }

  private static final class FakeConnections implements HelloVerifier.Connections {
    final Set<PeerId> banned = new HashSet<>();
    final Map<PeerId, Boolean> existing = new HashMap<>();
    int count;

    @Override
    public boolean isBanned(PeerId peer) {
      return banned.contains(peer);
    }

    @Override
    public Optional<Boolean> existingDialedByUs(PeerId peer) {
      return Optional.ofNullable(existing.get(peer));
    }

    @Override
    public int connectedCount() {
      return count;
    }
  }
}
