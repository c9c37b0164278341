package io.fiscus.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An e-invoice document (UBL XML, PDF, ...): it stays off the ledger, which records its hash. */
final class DocumentFile {
  private DocumentFile() {}

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read document " + file + ": " + e.getMessage(), e);
    }
  }
}
