package io.fiscus.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

class V3KeystoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final PrivateKey key = PrivateKey.random(random);

  @Test
  void aKeyEncryptedUnderAPasswordDecryptsWithIt() {
    String keystore = V3Keystore.encrypt(key, "correct horse", ScryptParameters.LIGHT, random);

    assertThat(V3Keystore.decrypt(keystore, "correct horse")).isEqualTo(key);
    assertThat(keystore).contains(Secp256k1.address(key).toHex().substring(2));
  }

  @Test
  void aWrongPasswordIsToldApartFromAMalformedFile() {
    String keystore = V3Keystore.encrypt(key, "correct horse", ScryptParameters.LIGHT, random);

    assertThatThrownBy(() -> V3Keystore.decrypt(keystore, "battery staple"))
        .isInstanceOfSatisfying(
            KeystoreException.class,
            e -> assertThat(e.kind()).isEqualTo(KeystoreException.Kind.WRONG_PASSWORD))
        .hasMessageContaining("wrong password");
    assertThatThrownBy(() -> V3Keystore.decrypt("{\"version\":1}", "x"))
        .isInstanceOfSatisfying(
            KeystoreException.class,
            e -> assertThat(e.kind()).isEqualTo(KeystoreException.Kind.MALFORMED));
    assertThatThrownBy(() -> V3Keystore.decrypt("not json", "x"))
        .isInstanceOf(KeystoreException.class);
  }

  @Test
  void aKeystoreWrittenByWeb3jIsRead() throws Exception {
    ECKeyPair pair = ECKeyPair.create(key.value());
    WalletFile wallet = Wallet.createLight("pässword", pair);

    assertThat(V3Keystore.decrypt(JSON.writeValueAsString(wallet), "pässword")).isEqualTo(key);
  }

  @Test
  void ourKeystoreIsReadByWeb3j() throws Exception {
    String keystore = V3Keystore.encrypt(key, "pässword", ScryptParameters.LIGHT, random);

    WalletFile wallet = JSON.readValue(keystore, WalletFile.class);
    ECKeyPair pair = Wallet.decrypt("pässword", wallet);

    assertThat(pair.getPrivateKey()).isEqualTo(key.value());
    assertThat(Credentials.create(pair).getAddress()).isEqualTo(Secp256k1.address(key).toHex());
  }

  @Test
  void aKeystoreAskingForAnAbsurdScryptCostIsRefusedBeforeDerivingAnything() {
    String keystore = V3Keystore.encrypt(key, "pw", ScryptParameters.LIGHT, random);
    String greedy = keystore.replace("\"n\":4096", "\"n\":" + (1 << 30));

    assertThatThrownBy(() -> V3Keystore.decrypt(greedy, "pw"))
        .isInstanceOfSatisfying(
            KeystoreException.class,
            e -> assertThat(e.kind()).isEqualTo(KeystoreException.Kind.MALFORMED))
        .hasMessageContaining("1 GiB");
  }

  @Test
  void theKeyIsAlwaysThirtyTwoBytesEvenWithLeadingZeros() {
    PrivateKey small = new PrivateKey(BigInteger.valueOf(7));
    String keystore = V3Keystore.encrypt(small, "pw", ScryptParameters.LIGHT, random);

    assertThat(V3Keystore.decrypt(keystore, "pw")).isEqualTo(small);
  }
}
