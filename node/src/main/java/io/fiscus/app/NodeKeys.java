package io.fiscus.app;

import io.fiscus.app.keys.KeystoreException;
import io.fiscus.app.keys.V3Keystore;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.genesis.NodeKeyFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the node key: a plain hex key file, or an encrypted V3 keystore (a file starting with
 * {@code {}) opened with a password from a file or {@value #PASSWORD_VARIABLE}. Either must be
 * readable by its owner only. Problems are one line and exit code 1.
 */
final class NodeKeys {
  /** The environment variable holding the keystore's password when no password file is given. */
  static final String PASSWORD_VARIABLE = "FISCUS_NODE_KEY_PASSWORD";

  private static final long KEYSTORE_BYTES_MAX = 64 * 1024;

  private NodeKeys() {}

  /**
   * The key in {@code file}.
   *
   * @param passwordFile the keystore's password file (its first line), if given
   * @param environment reads an environment variable (null when unset)
   */
  static PrivateKey read(
      Path file, Optional<Path> passwordFile, UnaryOperator<String> environment) {
    KeyFilePermissions.requireOwnerOnly(file, "node key file");
    if (!isKeystore(file)) {
      try {
        return NodeKeyFile.read(file);
      } catch (NodeKeyFileException e) {
        throw new CliException(1, e.getMessage());
      }
    }
    String password = password(file, passwordFile, environment);
    try {
      return V3Keystore.decrypt(readText(file, "node key file"), password);
    } catch (KeystoreException e) {
      throw new CliException(1, "node key file " + file + ": " + e.getMessage());
    }
  }

  /** The password: the first line of {@code passwordFile}, else the environment variable. */
  static String password(
      Path keystore, Optional<Path> passwordFile, UnaryOperator<String> environment) {
    if (passwordFile.isPresent()) {
      Path file = passwordFile.get();
      KeyFilePermissions.requireOwnerOnly(file, "password file");
      return readText(file, "password file").lines().findFirst().orElse("");
    }
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment == null) {
      throw new CliException(
          1,
          "node key file "
              + keystore
              + " is an encrypted keystore: give --node-private-key-password-file or set "
              + PASSWORD_VARIABLE);
    }
    return fromEnvironment;
  }

  /** Whether {@code file} holds a keystore (JSON) rather than a hex key. */
  static boolean isKeystore(Path file) {
    try {
      return Files.exists(file) && readText(file, "node key file").stripLeading().startsWith("{");
    } catch (CliException e) {
      return false; // NodeKeyFile.read names the problem
    }
  }

  private static String readText(Path file, String what) {
    try {
      if (Files.size(file) > KEYSTORE_BYTES_MAX) {
        throw new CliException(1, what + " " + file + ": too large");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(1, what + " " + file + ": cannot read: " + e);
    }
  }
}
