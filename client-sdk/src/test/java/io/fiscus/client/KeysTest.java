package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

class KeysTest {
  @TempDir Path directory;

  @Test
  void anEncryptedKeystoreOpensWithItsPasswordOnly() throws Exception {
    Credentials original = Keys.generate();
    String file =
        WalletUtils.generateWalletFile(
            "correct horse", original.getEcKeyPair(), directory.toFile(), false);
    Path keystore = directory.resolve(file);
    Path passwordFile = Files.writeString(directory.resolve("password"), "correct horse\n");

    assertThat(Keys.fromKeystore(keystore, "correct horse").getAddress())
        .isEqualTo(original.getAddress());
    assertThat(Keys.fromKeystore(keystore, passwordFile).getAddress())
        .isEqualTo(original.getAddress());
    assertThatThrownBy(() -> Keys.fromKeystore(keystore, "wrong"))
        .isInstanceOf(FiscusException.class)
        .hasMessageContaining("wrong password");
    assertThatThrownBy(() -> Keys.fromKeystore(directory.resolve("missing.json"), "x"))
        .isInstanceOf(FiscusException.class);
  }

  @Test
  void aHexPrivateKeyLoadsWithOrWithoutPrefixAndNothingElseDoes() throws Exception {
    Credentials original = Keys.generate();
    String hex =
        Numeric.toHexStringWithPrefixZeroPadded(original.getEcKeyPair().getPrivateKey(), 64);
    Path keyFile = Files.writeString(directory.resolve("key"), "  " + hex + "\n");

    assertThat(Keys.fromPrivateKey(hex.substring(2)).getAddress()).isEqualTo(original.getAddress());
    assertThat(Keys.fromPrivateKeyFile(keyFile).getAddress()).isEqualTo(original.getAddress());
    assertThatThrownBy(() -> Keys.fromPrivateKey("0x1234"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keys.fromPrivateKeyFile(directory.resolve("none")))
        .isInstanceOf(FiscusException.class);
  }
}
