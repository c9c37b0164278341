package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.app.keys.V3Keystore;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.NodeKeyFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EncryptKeyCommandTest {
  @TempDir Path dir;
  private final PrivateKey key = PrivateKey.random(new SecureRandom());

  @Test
  void encryptWritesAnOwnerOnlyKeystoreThatOpensWithThePassword() throws Exception {
    Path plain = dir.resolve("key");
    NodeKeyFile.write(plain, key);
    Path password = dir.resolve("password");
    Files.writeString(password, "hunter2\n");
    Files.setPosixFilePermissions(password, NodeKeyFile.OWNER_ONLY);
    Path keystore = dir.resolve("key.json");

    CommandRun run =
        fiscus(
            "key",
            "encrypt",
            "--key-file",
            plain + "",
            "--out",
            keystore + "",
            "--password-file",
            password + "",
            "--light");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("address: " + Secp256k1.address(key).toHex());
    assertThat(Files.getPosixFilePermissions(keystore)).isEqualTo(NodeKeyFile.OWNER_ONLY);
    assertThat(V3Keystore.decrypt(Files.readString(keystore), "hunter2")).isEqualTo(key);
  }

  @Test
  void encryptRefusesToOverwriteAFile() throws Exception {
    Path plain = dir.resolve("key");
    NodeKeyFile.write(plain, key);
    Path password = dir.resolve("password");
    Files.writeString(password, "hunter2");
    Files.setPosixFilePermissions(password, NodeKeyFile.OWNER_ONLY);

    CommandRun run =
        fiscus(
            "key",
            "encrypt",
            "--key-file",
            plain + "",
            "--out",
            plain + "",
            "--password-file",
            password + "",
            "--light");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("already exists; refusing to overwrite a key");
    assertThat(NodeKeyFile.read(plain)).isEqualTo(key);
  }

  private static CommandRun fiscus(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = FiscusCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
