package io.fiscus.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.genesis.GenesisException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads the fields of one JSON object by name, case-insensitively as Besu does, remembering which
 * were read so that {@link #rejectUnread} can name every field nobody asked for. Each error names
 * the field's full path.
 */
final class JsonObjectReader {
  private record Field(String key, JsonNode value) {}

  private final String path;
  private final Map<String, Field> byLowerName = new TreeMap<>();
  private final List<String> read = new ArrayList<>();

  private JsonObjectReader(String path) {
    this.path = path;
  }

  /** The object at {@code path}; fails if {@code node} is not an object or repeats a key. */
  static JsonObjectReader of(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new GenesisException(Reason.MALFORMED, path, "must be a JSON object");
    }
    JsonObjectReader reader = new JsonObjectReader(path);
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String lower = entry.getKey().toLowerCase(Locale.ROOT);
      Field previous = reader.byLowerName.put(lower, new Field(entry.getKey(), entry.getValue()));
      if (previous != null) {
        throw new GenesisException(
            Reason.DUPLICATE,
            reader.pathOf(entry.getKey()),
            "key given twice (keys are case-insensitive; also \"" + previous.key() + "\")");
      }
    }
    return reader;
  }

  String path() {
    return path;
  }

  /** The path of a field of this object. */
  String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The field {@code name}, or empty if absent or JSON null. */
  Optional<JsonNode> optional(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    read.add(lower);
    Field field = byLowerName.get(lower);
    if (field == null || field.value().isNull()) {
      return Optional.empty();
    }
    return Optional.of(field.value());
  }

  /** The field {@code name}; fails if absent. */
  JsonNode required(String name) {
    return optional(name)
        .orElseThrow(() -> new GenesisException(Reason.MISSING, pathOf(name), "required"));
  }

  /** True if the object has the field (even if JSON null). */
  boolean has(String name) {
    return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Fails on the first field (in key order) that was not read and that {@code ignorable} does not
   * accept (tested with the lower-case key).
   */
  void rejectUnread(Predicate<String> ignorable) {
    for (Map.Entry<String, Field> entry : byLowerName.entrySet()) {
      if (!read.contains(entry.getKey()) && !ignorable.test(entry.getKey())) {
        throw new GenesisException(
            Reason.UNSUPPORTED, pathOf(entry.getValue().key()), "unknown key");
      }
    }
  }

  /** Fails if {@code name} is present: {@code why} says what Fiscus does instead. */
  void reject(String name, String why) {
    String lower = name.toLowerCase(Locale.ROOT);
    Field field = byLowerName.get(lower);
    if (field != null) {
      throw new GenesisException(Reason.UNSUPPORTED, pathOf(field.key()), why);
    }
    read.add(lower);
  }
}
