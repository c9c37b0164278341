package io.fiscus.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates and reads the official ethereum/tests vectors in {@code ../shared/testdata}. */
public final class EthereumTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EthereumTests() {}

  public static Path root() {
    String configured = System.getProperty("fiscus.testdata");
    Path base = configured != null ? Path.of(configured) : Path.of("../../shared/testdata");
    Path root = base.resolve("ethereum-tests");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "ethereum-tests vectors not found at " + root.toAbsolutePath());
    }
    return root;
  }

  public static JsonNode read(String relativePath) {
    try {
      return JSON.readTree(root().resolve(relativePath).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
