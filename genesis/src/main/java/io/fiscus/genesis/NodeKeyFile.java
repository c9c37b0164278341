package io.fiscus.genesis;

import io.fiscus.crypto.PrivateKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A node's private key file, as Besu writes it: the 32-byte secp256k1 key as {@code 0x} and 64 hex
 * digits (a final newline is added). Reading also accepts the key without {@code 0x} and with
 * surrounding whitespace. Files are created with POSIX mode 600 (owner read/write) where the file
 * system supports it, and never overwritten.
 */
public final class NodeKeyFile {
  /** Owner read and write only. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Pattern KEY = Pattern.compile("(0[xX])?[0-9a-fA-F]{64}");
  private static final long MAX_FILE_BYTES = 1024;

  private NodeKeyFile() {}

  /** Reads the key at {@code file}; fails with a message naming the file and the problem. */
  public static PrivateKey read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new NodeKeyFileException("node key file " + file + ": too large to be a key file");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new NodeKeyFileException("node key file " + file + ": no such file", e);
    } catch (IOException e) {
      throw new NodeKeyFileException("node key file " + file + ": cannot read: " + e, e);
    }
    if (!KEY.matcher(text).matches()) {
      throw new NodeKeyFileException(
          "node key file " + file + ": expected 64 hex digits (optionally after 0x)");
    }
    try {
      return PrivateKey.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new NodeKeyFileException(
          "node key file " + file + ": not a valid secp256k1 private key", e);
    }
  }

  /** Writes {@code key} to a new file {@code file} (mode 600); fails if the file exists. */
  public static void write(Path file, PrivateKey key) {
    String text = format(key) + "\n";
    try (Writer writer =
        Files.newBufferedWriter(
            createOwnerOnly(file), StandardCharsets.US_ASCII, StandardOpenOption.WRITE)) {
      writer.write(text);
    } catch (FileAlreadyExistsException e) {
      throw new NodeKeyFileException(
          "node key file " + file + ": already exists; refusing to overwrite a key", e);
    } catch (IOException e) {
      throw new NodeKeyFileException("node key file " + file + ": cannot write: " + e, e);
    }
  }

  /** The key as written in a file: {@code 0x} and 64 lower-case hex digits. */
  public static String format(PrivateKey key) {
    return key.toBytes().toHex();
  }

  /** Creates an empty file readable and writable by its owner only, failing if it exists. */
  static Path createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<Set<PosixFilePermission>> mode =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return Files.createFile(file, mode);
    }
    return Files.createFile(file);
  }
}
