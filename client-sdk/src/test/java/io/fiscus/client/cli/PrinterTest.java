package io.fiscus.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.Amount;
import io.fiscus.client.Currency;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrinterTest {
  private static final Currency DCU = new Currency("Digital Currency Unit", "DCU");
  private final StringWriter written = new StringWriter();

  private Printer printer(boolean json) {
    return new Printer(new PrintWriter(written), json, () -> DCU);
  }

  @Test
  void fieldsAlignTheirValuesAfterTheLongestLabel() {
    printer(false)
        .print(
            Output.fields()
                .add("address", Value.text("0xabc"))
                .add("balance", Value.money(Amount.ofMinorUnits(1250)))
                .add("tax id", Value.text(null))
                .add("frozen", Value.flag(false))
                .build());

    assertThat(written.toString())
        .isEqualTo(
            """
            address  0xabc
            balance  12.50 DCU
            tax id   -
            frozen   no
            """);
  }

  @Test
  void tableRightAlignsMoneyAndNumbersHidesJsonOnlyColumnsAndLeavesNoTrailingSpaces() {
    printer(false)
        .print(
            new Output.Table(
                List.of(
                    Output.Column.shown("block"),
                    Output.Column.shown("kind"),
                    Output.Column.shown("amount"),
                    Output.Column.jsonOnly("transaction"),
                    Output.Column.shown("reference")),
                List.of(
                    List.of(
                        Value.count(7),
                        Value.text("transfer"),
                        Value.money(Amount.ofMinorUnits(1250)),
                        Value.text("0xaa"),
                        Value.text("rent")),
                    List.of(
                        Value.count(12),
                        Value.text("issue"),
                        Value.money(Amount.ofMinorUnits(100_000_00)),
                        Value.text("0xbb"),
                        Value.text(""))),
                "no history",
                null));

    assertThat(written.toString())
        .isEqualTo(
            """
            BLOCK  KIND             AMOUNT  REFERENCE
                7  transfer      12.50 DCU  rent
               12  issue     100000.00 DCU
            """);
  }

  @Test
  void anEmptyTableSaysSoAndKeepsItsFooter() {
    printer(false)
        .print(
            new Output.Table(
                List.of(Output.Column.shown("id")), List.of(), "no invoices", "(first 20 shown)"));

    assertThat(written.toString()).isEqualTo("no invoices\n(first 20 shown)\n");
  }

  @Test
  void jsonShowsMoneyAsDecimalTextAndLabelsAsCamelCaseKeys() {
    printer(true)
        .print(
            Output.fields()
                .add("tax id", Value.text("TIN-1"))
                .add("net amount", Value.money(Amount.ofMinorUnits(100_005)))
                .add("block", Value.count(42))
                .add("frozen", Value.flag(true))
                .add("bank", Value.text(null))
                .add("roles", new Value.TextList(List.of("BANK", "AUDITOR")))
                .add("issue date", new Value.Day(Instant.parse("2025-01-15T00:00:00Z")))
                .add("time", new Value.Moment(Instant.parse("2025-01-15T10:23:45Z")))
                .build());

    assertThat(written.toString().replaceAll("\\s", ""))
        .isEqualTo(
            "{\"taxId\":\"TIN-1\",\"netAmount\":\"1000.05\",\"block\":42,\"frozen\":true,"
                + "\"bank\":null,\"roles\":[\"BANK\",\"AUDITOR\"],\"issueDate\":\"2025-01-15\",\"time\":\"2025-01-15T10:23:45Z\"}");
  }

  @Test
  void jsonPrintsATableAsAnArrayOfObjectsWithEveryColumn() {
    printer(true)
        .print(
            new Output.Table(
                List.of(Output.Column.shown("id"), Output.Column.jsonOnly("gross amount")),
                List.of(List.of(Value.text("0x01"), Value.money(Amount.ofMinorUnits(5)))),
                "none",
                "footer for people only"));

    assertThat(written.toString().replaceAll("\\s", ""))
        .isEqualTo("[{\"id\":\"0x01\",\"grossAmount\":\"0.05\"}]");
  }

  @Test
  void textShowsMomentsInUtcToTheSecondAndDaysAsDates() {
    Printer printer = printer(false);

    assertThat(printer.text(new Value.Moment(Instant.parse("2025-01-15T10:23:45Z"))))
        .isEqualTo("2025-01-15 10:23:45 UTC");
    assertThat(printer.text(new Value.Day(Instant.parse("2025-01-15T23:59:59Z"))))
        .isEqualTo("2025-01-15");
  }

  @Test
  void theCurrencyIsLookedUpOnceAndOnlyWhenMoneyIsShownAsText() {
    AtomicInteger lookups = new AtomicInteger();
    Printer text = new Printer(new PrintWriter(written), false, () -> count(lookups));
    Printer json = new Printer(new PrintWriter(written), true, () -> count(lookups));

    text.print(Output.fields().add("block", Value.count(1)).build());
    json.print(Output.fields().add("balance", Value.money(Amount.ZERO)).build());
    assertThat(lookups).hasValue(0);

    text.print(Output.fields().add("a", Value.money(Amount.ZERO)).build());
    text.print(Output.fields().add("b", Value.money(Amount.ZERO)).build());
    assertThat(lookups).hasValue(1);
  }

  private static Currency count(AtomicInteger lookups) {
    lookups.incrementAndGet();
    return DCU;
  }
}
