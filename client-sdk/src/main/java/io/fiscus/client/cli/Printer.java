package io.fiscus.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.client.Amount;
import io.fiscus.client.Currency;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints a command's {@link Output}: aligned text for people (money as {@code 1234.50 DCU}), or
 * JSON for scripts (money as the string {@code "1234.50"}, which {@code transfer} takes back). The
 * one place that decides how values look.
 */
final class Printer {
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final String COLUMN_GAP = "  ";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code "key": value}, one member or element a line, two spaces a level: what jq prints. */
  private static final DefaultPrettyPrinter JSON_LAYOUT =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private final PrintWriter out;
  private final boolean json;
  private final Supplier<Currency> currencyLookup;
  private Currency currency;

  /**
   * @param currencyLookup asked once, and only when text output shows money (it costs a call to the
   *     node)
   */
  Printer(PrintWriter out, boolean json, Supplier<Currency> currencyLookup) {
    this.out = out;
    this.json = json;
    this.currencyLookup = currencyLookup;
  }

  void print(Output output) {
    if (json) {
      out.println(toJson(output));
    } else {
      for (String line : toText(output)) {
        out.println(line);
      }
    }
    out.flush();
  }

  // ---- text ----

  List<String> toText(Output output) {
    return switch (output) {
      case Output.Fields fields -> fieldLines(fields);
      case Output.Table table -> tableLines(table);
      case Output.Bare bare -> List.of(bare.text());
    };
  }

  private List<String> fieldLines(Output.Fields fields) {
    List<Output.Field> shown = fields.fields().stream().filter(Output.Field::inText).toList();
    int width = shown.stream().mapToInt(f -> f.label().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Output.Field field : shown) {
      lines.add(pad(field.label(), width, false) + COLUMN_GAP + text(field.value()));
    }
    return lines;
  }

  private List<String> tableLines(Output.Table table) {
    List<String> lines = new ArrayList<>();
    if (table.rows().isEmpty()) {
      lines.add(table.emptyText());
    } else {
      List<Integer> shown = shownColumns(table);
      List<List<String>> cells = new ArrayList<>();
      cells.add(
          shown.stream()
              .map(c -> table.columns().get(c).label().toUpperCase(Locale.ROOT))
              .toList());
      for (List<Value> row : table.rows()) {
        cells.add(shown.stream().map(c -> text(row.get(c))).toList());
      }
      int[] widths = columnWidths(cells);
      boolean[] numeric = numericColumns(table, shown);
      for (List<String> row : cells) {
        lines.add(tableLine(row, widths, numeric));
      }
    }
    if (table.footer() != null) {
      lines.add(table.footer());
    }
    return lines;
  }

  private static int[] columnWidths(List<List<String>> cells) {
    int[] widths = new int[cells.get(0).size()];
    for (List<String> row : cells) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    return widths;
  }

  private static List<Integer> shownColumns(Output.Table table) {
    List<Integer> shown = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      if (table.columns().get(c).inText()) {
        shown.add(c);
      }
    }
    return shown;
  }

  /** Columns of numbers or money, right-aligned (headings too) so their digits line up. */
  private static boolean[] numericColumns(Output.Table table, List<Integer> shown) {
    boolean[] numeric = new boolean[shown.size()];
    for (List<Value> row : table.rows()) {
      for (int c = 0; c < numeric.length; c++) {
        numeric[c] |= isNumeric(row.get(shown.get(c)));
      }
    }
    return numeric;
  }

  private static String tableLine(List<String> cells, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        line.append(COLUMN_GAP);
      }
      line.append(pad(cells.get(c), widths[c], rightAligned[c]));
    }
    return line.toString().stripTrailing();
  }

  private static boolean isNumeric(Value value) {
    return value instanceof Value.Money || value instanceof Value.Count;
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(width - text.length());
    return right ? spaces + text : text + spaces;
  }

  String text(Value value) {
    return switch (value) {
      case Value.Text t -> t.text();
      case Value.TextList l -> l.texts().isEmpty() ? "-" : String.join(", ", l.texts());
      case Value.Money m -> sign(m) + currency().format(magnitude(m));
      case Value.Count c -> Long.toString(c.count());
      case Value.Rate r -> percent(r) + "%";
      case Value.Flag f -> f.flag() ? "yes" : "no";
      case Value.Moment m -> MOMENT.format(m.at());
      case Value.Day d -> DAY.format(d.at());
      case Value.Absent a -> "-";
    };
  }

  private static String sign(Value.Money money) {
    return money.minorUnits() < 0 ? "-" : "";
  }

  private static Amount magnitude(Value.Money money) {
    return Amount.ofMinorUnits(Math.absExact(money.minorUnits()));
  }

  /** Basis points as a percentage with two decimals: {@code 550} is {@code 5.50}. */
  private static String percent(Value.Rate rate) {
    return BigDecimal.valueOf(rate.basisPoints(), 2).toPlainString();
  }

  private Currency currency() {
    if (currency == null) {
      currency = currencyLookup.get();
    }
    return currency;
  }

  // ---- JSON ----

  String toJson(Output output) {
    JsonNode node =
        switch (output) {
          case Output.Fields fields -> jsonObject(fields.fields());
          case Output.Table table -> jsonArray(table);
          case Output.Bare bare -> JSON.createObjectNode().put(bare.label(), bare.text());
        };
    try {
      return JSON.writer(JSON_LAYOUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  private static ObjectNode jsonObject(List<Output.Field> fields) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Output.Field field : fields) {
      object.set(jsonKey(field.label()), json(field.value()));
    }
    return object;
  }

  private static ArrayNode jsonArray(Output.Table table) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (List<Value> row : table.rows()) {
      List<Output.Field> fields = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        fields.add(new Output.Field(table.columns().get(c).label(), row.get(c), true));
      }
      array.add(jsonObject(fields));
    }
    return array;
  }

  /** {@code "tax id"} as {@code "taxId"}. */
  static String jsonKey(String label) {
    String[] words = label.trim().split("[ -]+");
    StringBuilder key = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < words.length; i++) {
      key.append(Character.toUpperCase(words[i].charAt(0)))
          .append(words[i].substring(1).toLowerCase(Locale.ROOT));
    }
    return key.toString();
  }

  private static JsonNode json(Value value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (value) {
      case Value.Text t -> nodes.textNode(t.text());
      case Value.TextList l -> {
        ArrayNode array = nodes.arrayNode();
        l.texts().forEach(array::add);
        yield array;
      }
      case Value.Money m -> nodes.textNode(sign(m) + magnitude(m));
      case Value.Count c -> nodes.numberNode(c.count());
      case Value.Rate r -> nodes.textNode(percent(r));
      case Value.Flag f -> nodes.booleanNode(f.flag());
      case Value.Moment m -> nodes.textNode(m.at().toString());
      case Value.Day d -> nodes.textNode(DAY.format(d.at()));
      case Value.Absent a -> nodes.nullNode();
    };
  }
}
