package io.fiscus.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.PrivateKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {
  @TempDir Path dir;

  @Test
  void writtenKeyReadsBackAndIsOwnerOnly() throws Exception {
    PrivateKey key = PrivateKey.random(new SecureRandom());
    Path file = dir.resolve("key");

    NodeKeyFile.write(file, key);

    assertThat(NodeKeyFile.read(file)).isEqualTo(key);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(NodeKeyFile.OWNER_ONLY);
    assertThat(Files.readString(file)).matches("0x[0-9a-f]{64}\n");
  }

  @Test
  void readsAKeyWithoutPrefixAndWithSurroundingWhitespace() throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "  " + "00".repeat(31) + "07\r\n");

    assertThat(NodeKeyFile.read(file)).isEqualTo(new PrivateKey(BigInteger.valueOf(7)));
  }

  @Test
  void refusesToOverwriteAKey() {
    Path file = dir.resolve("key");
    NodeKeyFile.write(file, new PrivateKey(BigInteger.ONE));

    assertThatThrownBy(() -> NodeKeyFile.write(file, new PrivateKey(BigInteger.TWO)))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessage("node key file " + file + ": already exists; refusing to overwrite a key");
    assertThat(NodeKeyFile.read(file)).isEqualTo(new PrivateKey(BigInteger.ONE));
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("absent");

    assertThatThrownBy(() -> NodeKeyFile.read(file))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessage("node key file " + file + ": no such file");
  }

  @Test
  void textThatIsNotAKeyIsRejected() throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "0x1234");

    assertThatThrownBy(() -> NodeKeyFile.read(file))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessage("node key file " + file + ": expected 64 hex digits (optionally after 0x)");
  }

  @Test
  void aKeyOutsideTheCurveOrderIsRejected() throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "0x" + "ff".repeat(32));

    assertThatThrownBy(() -> NodeKeyFile.read(file))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessage("node key file " + file + ": not a valid secp256k1 private key");
  }
}
