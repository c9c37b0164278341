package io.fiscus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class Secp256k1Test {
  private static final Secp256k1.Implementation PORTABLE = Secp256k1.portable();
  private static final Optional<Secp256k1.Implementation> NATIVE = Secp256k1.nativeIfAvailable();

  @Test
  void nativeLibraryLoadsOnThisLinuxMachine() {
    // The linux-x86_64 and aarch64 natives ship in the jar; if this fails the 3x path is lost.
    assertThat(NATIVE).isPresent();
    assertThat(Secp256k1.get().name()).isEqualTo("libsecp256k1");
  }

  @Property(tries = 200)
  void portableAndNativeAgreeOnSignaturesAndRecovery(
      @ForAll @Size(32) byte[] keyBytes, @ForAll @Size(32) byte[] message) {
    BigInteger secret =
        new BigInteger(1, keyBytes)
            .mod(Signature.CURVE_ORDER.subtract(BigInteger.ONE))
            .add(BigInteger.ONE);
    PrivateKey key = new PrivateKey(secret);
    Hash hash = Hash.wrap(message);
    Signature portable = PORTABLE.sign(hash, key);
    assertThat(portable.isLowS()).isTrue();
    assertThat(PORTABLE.recoverPublicKey(hash, portable)).contains(PORTABLE.publicKey(key));
    Secp256k1.Implementation fast = NATIVE.orElseThrow();
    assertThat(fast.sign(hash, key)).isEqualTo(portable);
    assertThat(fast.publicKey(key)).isEqualTo(PORTABLE.publicKey(key));
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Signature flipped = new Signature(portable.r(), portable.s(), recoveryId);
      assertThat(fast.recoverPublicKey(hash, flipped))
          .isEqualTo(PORTABLE.recoverPublicKey(hash, flipped));
    }
  }

  @Property(tries = 100)
  void bothImplementationsAgreeOnArbitrarySignatureValues(
      @ForAll @Size(32) byte[] r, @ForAll @Size(32) byte[] s, @ForAll @Size(32) byte[] message) {
    BigInteger rValue = new BigInteger(1, r);
    BigInteger sValue = new BigInteger(1, s);
    if (rValue.signum() == 0 || sValue.signum() == 0) {
      return;
    }
    if (rValue.compareTo(Signature.CURVE_ORDER) >= 0
        || sValue.compareTo(Signature.CURVE_ORDER) >= 0) {
      return;
    }
    Hash hash = Hash.wrap(message);
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Signature signature = new Signature(rValue, sValue, recoveryId);
      assertThat(NATIVE.orElseThrow().recoverPublicKey(hash, signature))
          .isEqualTo(PORTABLE.recoverPublicKey(hash, signature));
    }
  }

  @Test
  void matchesWeb3jSignatureAndAddress() throws Exception {
    ECKeyPair pair = Keys.createEcKeyPair();
    PrivateKey key = new PrivateKey(pair.getPrivateKey());
    Hash hash = Hash.wrap(new byte[32]);
    Sign.SignatureData expected = Sign.signMessage(hash.bytes().toArray(), pair, false);
    Signature ours = Secp256k1.signer().sign(hash, key);
    assertThat(Bytes.wrap(expected.getR())).isEqualTo(Bytes.wrap(ours.compact()).slice(0, 32));
    assertThat(Bytes.wrap(expected.getS())).isEqualTo(Bytes.wrap(ours.compact()).slice(32, 64));
    assertThat(expected.getV()[0] - 27).isEqualTo(ours.recoveryId());
    assertThat(Secp256k1.address(key))
        .isEqualTo(Address.fromHex("0x" + Keys.getAddress(pair.getPublicKey())));
  }

  @Test
  void signatureEncodingRoundTrips() {
    Signature signature = Secp256k1.signer().sign(Hash.EMPTY_DATA, new PrivateKey(BigInteger.TEN));
    assertThat(Signature.decode(signature.encode())).isEqualTo(signature);
  }
}
