package io.fiscus.client.cli;

import java.util.ArrayList;
import java.util.List;

/** What a command prints: labelled values, or rows under column headings. */
sealed interface Output {

  /**
   * Labelled values, one per line (an account, a transaction's outcome). Labels are lower-case
   * words ({@code "tax id"}); in JSON they become camel-case keys ({@code "taxId"}).
   */
  record Fields(List<Field> fields) implements Output {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /**
   * One value printed bare for people, so a shell can capture it ({@code $(fiscus-client token)});
   * scripts asking for JSON get it under {@code label}.
   */
  record Bare(String label, String text) implements Output {}

  /**
   * One labelled value; {@code inText} false for a value only scripts need (a record's payload in
   * hex when people see it as text).
   */
  record Field(String label, Value value, boolean inText) {}

  /**
   * Rows under column headings (a history, a list of invoices); {@code emptyText} is shown to
   * people when there are no rows, and {@code footer} (may be null) after the rows, e.g. that more
   * exist.
   */
  record Table(List<Column> columns, List<List<Value>> rows, String emptyText, String footer)
      implements Output {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Value> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "a row has " + row.size() + " values for " + columns.size() + " columns");
        }
      }
    }
  }

  /**
   * A column: its label, and whether people see it ({@code false} for values that would only widen
   * the table past the screen, like a transaction hash: scripts still get them in JSON).
   */
  record Column(String label, boolean inText) {
    static Column shown(String label) {
      return new Column(label, true);
    }

    static Column jsonOnly(String label) {
      return new Column(label, false);
    }
  }

  static FieldsBuilder fields() {
    return new FieldsBuilder();
  }

  /** Collects {@link Fields} in the order they are added. */
  final class FieldsBuilder {
    private final List<Field> fields = new ArrayList<>();

    private FieldsBuilder() {}

    FieldsBuilder add(String label, Value value) {
      fields.add(new Field(label, value, true));
      return this;
    }

    FieldsBuilder addJsonOnly(String label, Value value) {
      fields.add(new Field(label, value, false));
      return this;
    }

    FieldsBuilder addAll(Fields more) {
      fields.addAll(more.fields());
      return this;
    }

    Fields build() {
      return new Fields(fields);
    }
  }
}
