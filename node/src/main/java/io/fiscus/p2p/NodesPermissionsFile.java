package io.fiscus.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full nodes allowed to connect, from a Besu-style {@code permissions_config.toml}: {@code
 * nodes-allowlist=["enode://…@host:port", …]} (other keys, such as {@code accounts-allowlist}, are
 * ignored). Only the node ids count; host and port are not compared, since TLS and the signed hello
 * already prove who is at the other end. {@link #reloadIfChanged()} re-reads the file when its
 * modification time or size changes: a missing file means no nodes, a malformed one keeps the
 * previous list and logs an error.
 */
public final class NodesPermissionsFile {
  private static final Logger LOG = LoggerFactory.getLogger(NodesPermissionsFile.class);
  private static final TomlMapper TOML = new TomlMapper();
  private static final String KEY = "nodes-allowlist";

  private final Path path;
  private final AtomicReference<Set<PeerId>> nodes = new AtomicReference<>(Set.of());
  private volatile String lastSeenVersion = "";

  public NodesPermissionsFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  /** The node ids listed by the last successful read. */
  public Set<PeerId> nodes() {
    return nodes.get();
  }

  /** Re-reads the file if it changed since the last look; true if the list was replaced. */
  public boolean reloadIfChanged() {
    String version = version();
    if (version.equals(lastSeenVersion)) {
      return false;
    }
    lastSeenVersion = version;
    if (version.equals("missing")) {
      nodes.set(Set.of());
      return true;
    }
    try {
      Set<PeerId> read = parse(Files.readString(path));
      nodes.set(read);
      LOG.info("Loaded {} allowed nodes from {}", read.size(), path);
      return true;
    } catch (IOException | PermissionsFileException e) {
      LOG.error("Keeping the previous node allowlist: cannot use {}: {}", path, e.getMessage());
      return false;
    }
  }

  /** The node ids in a permissions file's text. */
  public static Set<PeerId> parse(String toml) {
    JsonNode root;
    try {
      root = TOML.readTree(toml);
    } catch (IOException e) {
      throw new PermissionsFileException("not valid TOML: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get(KEY);
    if (list == null || list.isNull()) {
      return Set.of();
    }
    if (!list.isArray()) {
      throw new PermissionsFileException(KEY + " must be an array of enode URLs", null);
    }
    Set<PeerId> ids = new LinkedHashSet<>();
    for (JsonNode entry : list) {
      if (!entry.isTextual()) {
        throw new PermissionsFileException(KEY + " entries must be strings: " + entry, null);
      }
      try {
        ids.add(Enode.parse(entry.asText()).id());
      } catch (EnodeFormatException e) {
        throw new PermissionsFileException(e.getMessage(), e);
      }
    }
    return Set.copyOf(ids);
  }

  private String version() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.lastModifiedTime().toMillis() + "/" + attributes.size();
    } catch (NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      return "unreadable:" + e.getMessage();
    }
  }
}
