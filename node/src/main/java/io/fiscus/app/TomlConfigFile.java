package io.fiscus.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A {@code node.toml}: the same settings as the command line, keyed by the long flag without its
 * dashes ({@code data-path = "data"}). Relative paths resolve against the file's own directory, so
 * a generated network directory can be moved as a whole. Flags given on the command line win.
 */
final class TomlConfigFile {
  private TomlConfigFile() {}

  /**
   * The file's settings as command-line arguments ({@code --key=value}), skipping keys in {@code
   * givenOnCommandLine}.
   *
   * @throws CliException (usage) for an unreadable file, bad TOML, an unknown key or a bad value
   */
  static List<String> asArguments(Path file, CommandSpec spec, Set<String> givenOnCommandLine) {
    ObjectNode root = read(file);
    Path base = file.toAbsolutePath().getParent();
    List<String> arguments = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String flag = "--" + field.getKey();
      OptionSpec option = spec.findOption(flag);
      if (option == null || flag.equals("--config-file")) {
        throw CliException.usage(file + ": unknown key '" + field.getKey() + "'");
      }
      if (givenOnCommandLine.contains(option.longestName())) {
        continue;
      }
      for (String value : values(file, field.getKey(), field.getValue())) {
        arguments.add(flag + "=" + (option.type() == Path.class ? resolve(base, value) : value));
      }
    }
    return arguments;
  }

  private static ObjectNode read(Path file) {
    try {
      return (ObjectNode) new TomlMapper().readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw CliException.usage(
          "cannot read config file " + file + ": " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static List<String> values(Path file, String key, JsonNode value) {
    if (value.isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode element : value) {
        values.add(scalar(file, key, element));
      }
      return values;
    }
    return List.of(scalar(file, key, value));
  }

  private static String scalar(Path file, String key, JsonNode value) {
    if (value.isTextual() || value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw CliException.usage(file + ": key '" + key + "' must be a string, number or boolean");
  }

  private static String resolve(Path base, String value) {
    Path path = Path.of(value);
    return path.isAbsolute() ? value : base.resolve(path).normalize().toString();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
