package io.fiscus.app;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.genesis.NodeKeyFileException;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fiscus key}: node and account keys (secp256k1, hex files as Besu writes them). */
@Command(
    name = "key",
    description = "Generate a key, show the address of a key file, or encrypt a node key.",
    mixinStandardHelpOptions = true,
    subcommands = {
      KeyCommand.Generate.class,
      KeyCommand.ShowAddress.class,
      EncryptKeyCommand.class
    })
public final class KeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: generate, address or encrypt");
  }

  /** {@code fiscus key generate [--out FILE]}. */
  @Command(
      name = "generate",
      description = {
        "Generate a secp256k1 key. With --out, write it to a new file (mode 600) as 0x and 64 hex",
        "digits; without, print it. Prints the address and the 64-byte public key either way."
      },
      mixinStandardHelpOptions = true)
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Key file to create.")
    Path out;

    @Override
    public Integer call() {
      PrivateKey key = PrivateKey.random(new SecureRandom());
      PrintWriter stdout = spec.commandLine().getOut();
      if (out == null) {
        stdout.println("private-key: " + NodeKeyFile.format(key));
      } else {
        try {
          NodeKeyFile.write(out, key);
        } catch (NodeKeyFileException e) {
          spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
          spec.commandLine().getErr().flush();
          return spec.exitCodeOnInvalidInput();
        }
        stdout.println("key-file: " + out);
      }
      Bytes publicKey = Secp256k1.signer().publicKey(key);
      stdout.println("address: " + Address.fromPublicKey(publicKey).toHex());
      stdout.println("public-key: " + publicKey.toHex());
      stdout.flush();
      return 0;
    }
  }

  /** {@code fiscus key address --key-file F}. */
  @Command(
      name = "address",
      description = "Print the address of the key in a key file.",
      mixinStandardHelpOptions = true)
  static final class ShowAddress implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "Key file.")
    Path keyFile;

    @Override
    public Integer call() {
      PrivateKey key;
      try {
        key = NodeKeyFile.read(keyFile);
      } catch (NodeKeyFileException e) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return spec.exitCodeOnInvalidInput();
      }
      spec.commandLine().getOut().println(Secp256k1.address(key).toHex());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
