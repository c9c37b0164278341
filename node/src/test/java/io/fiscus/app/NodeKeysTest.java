package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.app.keys.ScryptParameters;
import io.fiscus.app.keys.V3Keystore;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.genesis.NodeKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeysTest {
  private static final Map<String, String> NO_ENVIRONMENT = Map.of();

  @TempDir Path dir;
  private final PrivateKey key = PrivateKey.random(new SecureRandom());

  @Test
  void aPlainOwnerOnlyKeyFileIsRead() {
    Path file = dir.resolve("key");
    NodeKeyFile.write(file, key);

    assertThat(NodeKeys.read(file, Optional.empty(), NO_ENVIRONMENT::get)).isEqualTo(key);
  }

  @Test
  void aKeyFileOthersMayReadIsRefusedWithTheFix() throws Exception {
    Path file = dir.resolve("key");
    NodeKeyFile.write(file, key);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> NodeKeys.read(file, Optional.empty(), NO_ENVIRONMENT::get))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessage(
            "node key file "
                + file
                + " has mode 644 (rw-r--r--): others than its owner may use it; run: chmod 600 "
                + file);
  }

  @Test
  void aGroupWritableKeyFileIsRefusedToo() throws Exception {
    Path file = dir.resolve("key");
    NodeKeyFile.write(file, key);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

    assertThatThrownBy(() -> NodeKeys.read(file, Optional.empty(), NO_ENVIRONMENT::get))
        .hasMessageContaining("has mode 620");
  }

  @Test
  void aKeystoreOpensWithThePasswordFilesFirstLine() throws Exception {
    Path keystore = keystore("s3cret");
    Path password = ownerOnly("password", "s3cret\nignored second line\n");

    assertThat(NodeKeys.read(keystore, Optional.of(password), NO_ENVIRONMENT::get)).isEqualTo(key);
  }

  @Test
  void aKeystoreOpensWithThePasswordFromTheEnvironment() throws Exception {
    Path keystore = keystore("s3cret");
    Map<String, String> environment = Map.of(NodeKeys.PASSWORD_VARIABLE, "s3cret");

    assertThat(NodeKeys.read(keystore, Optional.empty(), environment::get)).isEqualTo(key);
  }

  @Test
  void aWrongPasswordIsOneLineAndExitCodeOne() throws Exception {
    Path keystore = keystore("s3cret");
    Map<String, String> environment = Map.of(NodeKeys.PASSWORD_VARIABLE, "guess");

    assertThatThrownBy(() -> NodeKeys.read(keystore, Optional.empty(), environment::get))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessage("node key file " + keystore + ": wrong password (the keystore's MAC differs)");
  }

  @Test
  void aKeystoreWithoutAnyPasswordSaysWhereToGiveIt() throws Exception {
    Path keystore = keystore("s3cret");

    assertThatThrownBy(() -> NodeKeys.read(keystore, Optional.empty(), NO_ENVIRONMENT::get))
        .hasMessageContaining("--node-private-key-password-file")
        .hasMessageContaining(NodeKeys.PASSWORD_VARIABLE);
  }

  @Test
  void aPasswordFileOthersMayReadIsRefused() throws Exception {
    Path keystore = keystore("s3cret");
    Path password = ownerOnly("password", "s3cret");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> NodeKeys.read(keystore, Optional.of(password), NO_ENVIRONMENT::get))
        .hasMessageStartingWith("password file " + password + " has mode 640");
  }

  private Path keystore(String password) throws Exception {
    return ownerOnly(
        "keystore.json",
        V3Keystore.encrypt(key, password, ScryptParameters.LIGHT, new SecureRandom()));
  }

  private Path ownerOnly(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, NodeKeyFile.OWNER_ONLY);
    return file;
  }
}
