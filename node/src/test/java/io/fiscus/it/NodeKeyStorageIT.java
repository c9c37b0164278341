package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.genesis.NodeKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code fiscus} process and its node key: a validator runs from a keystore made by {@code
 * fiscus key encrypt} and keeps producing blocks (so it holds the validator's key); a key file
 * others may read and a wrong password each stop the node at start with one line and exit 1.
 */
class NodeKeyStorageIT {

  @Test
  void aValidatorRunsFromAnEncryptedKeystore(@TempDir Path dir) throws Exception {
    TestNetwork network = TestNetwork.generate(dir, 1, 250);
    Path validator = network.nodeConfig(1).getParent();
    Path password = ownerOnly(validator.resolve("password"), "a long passphrase\n");
    Path keystore = validator.resolve("key.json");
    int encrypted =
        NodeProcess.runCli(
            dir.resolve("encrypt.log"),
            "key",
            "encrypt",
            "--key-file",
            validator.resolve("key").toString(),
            "--out",
            keystore.toString(),
            "--password-file",
            password.toString(),
            "--light");
    assertThat(encrypted).as("fiscus key encrypt exit code").isZero();
    Files.delete(validator.resolve("key"));

    try (NodeProcess node =
        new NodeProcess(
            network.nodeConfig(1),
            List.of(
                "--node-private-key-file",
                keystore.toString(),
                "--node-private-key-password-file",
                password.toString(),
                "--rpc-authentication-enabled=false"))) {
      node.start();
      node.awaitServing(Duration.ofSeconds(90));
      RawRpc rpc = new RawRpc(node.rpcUrl());
      // The driver starts just after the RPC server: wait for it to know its validators.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!isValidator(rpc) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(isValidator(rpc)).as("the key from the keystore is the validator's").isTrue();
    }
  }

  @Test
  void aKeyFileOthersMayReadStopsTheNodeWithTheFix(@TempDir Path dir) throws Exception {
    TestNetwork network = TestNetwork.generate(dir, 1, 250);
    Path key = network.nodeConfig(1).resolveSibling("key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path log = dir.resolve("node.log");

    int exit = NodeProcess.runCli(log, nodeArguments(network));

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains(
            "fiscus node: node key file "
                + key
                + " has mode 644 (rw-r--r--): others than its owner may use it; run: chmod 600 "
                + key);
  }

  @Test
  void aWrongKeystorePasswordStopsTheNode(@TempDir Path dir) throws Exception {
    TestNetwork network = TestNetwork.generate(dir, 1, 250);
    Path validator = network.nodeConfig(1).getParent();
    Path right = ownerOnly(validator.resolve("right"), "right");
    Path wrong = ownerOnly(validator.resolve("wrong"), "wrong");
    Path keystore = validator.resolve("key.json");
    assertThat(
            NodeProcess.runCli(
                dir.resolve("encrypt.log"),
                "key",
                "encrypt",
                "--key-file",
                validator.resolve("key").toString(),
                "--out",
                keystore.toString(),
                "--password-file",
                right.toString(),
                "--light"))
        .isZero();
    Path log = dir.resolve("node.log");
    String[] base = nodeArguments(network);
    String[] args = java.util.Arrays.copyOf(base, base.length + 4);
    args[base.length] = "--node-private-key-file";
    args[base.length + 1] = keystore.toString();
    args[base.length + 2] = "--node-private-key-password-file";
    args[base.length + 3] = wrong.toString();

    int exit = NodeProcess.runCli(log, args);

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains(
            "fiscus node: node key file "
                + keystore
                + ": wrong password (the keystore's MAC differs)");
  }

  private static boolean isValidator(RawRpc rpc) {
    return rpc.result("cbdc_nodeStatus").path("isValidator").asBoolean();
  }

  private static String[] nodeArguments(TestNetwork network) {
    return new String[] {
      "node",
      "--config-file",
      network.nodeConfig(1).toString(),
      "--rpc-http-port",
      Integer.toString(NodeProcess.freePort()),
      "--p2p-port",
      Integer.toString(NodeProcess.freePort()),
      "--metrics-port",
      Integer.toString(NodeProcess.freePort())
    };
  }

  private static Path ownerOnly(Path file, String content) throws Exception {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, NodeKeyFile.OWNER_ONLY);
    return file;
  }
}
