package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.NodeKeyFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCommandTest {
  @TempDir Path dir;

  @Test
  void generateWithOutWritesAnOwnerOnlyKeyFileAndPrintsItsAddressAndPublicKey() throws Exception {
    Path file = dir.resolve("key");

    CommandRun run = CommandRun.of(new KeyCommand(), "generate", "--out", file.toString());

    assertThat(run.exitCode()).isZero();
    PrivateKey key = NodeKeyFile.read(file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(NodeKeyFile.OWNER_ONLY);
    assertThat(run.out())
        .contains("address: " + Secp256k1.address(key).toHex())
        .contains("public-key: " + Secp256k1.signer().publicKey(key).toHex())
        .doesNotContain(NodeKeyFile.format(key));
  }

  @Test
  void generateWithoutOutPrintsAKeyMatchingTheAddress() {
    CommandRun run = CommandRun.of(new KeyCommand(), "generate");

    assertThat(run.exitCode()).isZero();
    String keyLine =
        run.out().lines().filter(l -> l.startsWith("private-key: ")).findFirst().orElseThrow();
    PrivateKey key = PrivateKey.fromHex(keyLine.substring("private-key: ".length()));
    assertThat(run.out()).contains("address: " + Secp256k1.address(key).toHex());
    assertThat(run.out()).containsPattern("public-key: 0x[0-9a-f]{128}");
  }

  @Test
  void generateRefusesToOverwriteAKeyFile() throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "keep me");

    CommandRun run = CommandRun.of(new KeyCommand(), "generate", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "key generate: node key file "
                + file
                + ": already exists; refusing to overwrite a key"
                + System.lineSeparator());
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void addressPrintsTheAddressOfAKeyFile() {
    Path file = dir.resolve("key");
    PrivateKey key = new PrivateKey(BigInteger.valueOf(12345));
    NodeKeyFile.write(file, key);

    CommandRun run = CommandRun.of(new KeyCommand(), "address", "--key-file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Secp256k1.address(key).toHex() + System.lineSeparator());
  }

  @Test
  void addressOfAMissingFileIsOneLineAndExitCodeTwo() {
    Path file = dir.resolve("absent");

    CommandRun run = CommandRun.of(new KeyCommand(), "address", "--key-file", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "key address: node key file " + file + ": no such file" + System.lineSeparator());
  }

  @Test
  void addressWithoutKeyFileIsOneLineAndExitCodeTwo() {
    CommandRun run = CommandRun.of(new KeyCommand(), "address");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--key-file");
  }
}
