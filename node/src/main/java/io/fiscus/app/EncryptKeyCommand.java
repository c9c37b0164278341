package io.fiscus.app;

import io.fiscus.app.keys.ScryptParameters;
import io.fiscus.app.keys.V3Keystore;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.genesis.NodeKeyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fiscus key encrypt}: turns a plain node key file into an encrypted V3 keystore (scrypt,
 * AES-128-CTR, as geth and Web3j write it) that {@code fiscus node --node-private-key-file} reads
 * with its password. The plain file is left for the operator to delete.
 */
@Command(
    name = "encrypt",
    description = {
      "Encrypt a node key file into a V3 keystore (mode 600), with the password from",
      "--password-file (its first line) or the FISCUS_NODE_KEY_PASSWORD environment variable."
    },
    mixinStandardHelpOptions = true)
final class EncryptKeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--key-file",
      required = true,
      paramLabel = "FILE",
      description = "The plain key.")
  Path keyFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The keystore to create.")
  Path out;

  @Option(names = "--password-file", paramLabel = "FILE", description = "The password's file.")
  Path passwordFile;

  @Option(
      names = "--light",
      description = "Web3j's light scrypt cost (4 MiB) instead of the standard (256 MiB).")
  boolean light;

  @Override
  public Integer call() {
    PrivateKey key;
    try {
      key = NodeKeyFile.read(keyFile);
    } catch (NodeKeyFileException e) {
      throw new CliException(1, e.getMessage());
    }
    String password = NodeKeys.password(out, Optional.ofNullable(passwordFile), System::getenv);
    if (password.isEmpty()) {
      throw new CliException(1, "refusing an empty password");
    }
    ScryptParameters cost = light ? ScryptParameters.LIGHT : ScryptParameters.STANDARD;
    writeNew(out, V3Keystore.encrypt(key, password, cost, new SecureRandom()));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("keystore: " + out);
    stdout.println("address: " + Secp256k1.address(key).toHex());
    stdout.flush();
    return CliExit.OK;
  }

  private static void writeNew(Path file, String content) {
    try {
      Path created =
          file.getFileSystem().supportedFileAttributeViews().contains("posix")
              ? Files.createFile(file, PosixFilePermissions.asFileAttribute(NodeKeyFile.OWNER_ONLY))
              : Files.createFile(file);
      try (Writer writer =
          Files.newBufferedWriter(created, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
        writer.write(content);
      }
    } catch (FileAlreadyExistsException e) {
      throw new CliException(1, file + ": already exists; refusing to overwrite a key");
    } catch (IOException e) {
      throw new CliException(1, file + ": cannot write: " + e);
    }
  }
}
