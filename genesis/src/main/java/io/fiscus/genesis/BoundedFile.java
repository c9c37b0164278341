package io.fiscus.genesis;

import io.fiscus.genesis.GenesisException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the genesis tool's input files, refusing any larger than its bound before reading it. */
final class BoundedFile {
  private BoundedFile() {}

  /**
   * The text of {@code file}.
   *
   * @throws GenesisException with {@link Reason#FILE} if the file is missing, unreadable or larger
   *     than {@code maxBytes}
   */
  static String read(Path file, long maxBytes) {
    try {
      if (Files.size(file) > maxBytes) {
        throw new GenesisException(
            Reason.FILE, file.toString(), "larger than " + maxBytes + " bytes");
      }
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new GenesisException(Reason.FILE, file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new GenesisException(Reason.FILE, file.toString(), "cannot read: " + e, e);
    }
  }
}
