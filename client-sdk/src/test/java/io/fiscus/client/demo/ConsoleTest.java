package io.fiscus.client.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private Console console(boolean terminal, boolean color, boolean unicode) {
    return new Console(
        new PrintStream(output, true, StandardCharsets.UTF_8), terminal, color, unicode, false);
  }

  private List<String> lines() {
    return output.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void anActionAndItsResultShareOneLineWithResultsInOneColumn() {
    Console console = console(false, false, true);
    console.action("central bank issues 1,000,000.00 DCU to bank-a");
    console.result(Console.Outcome.DONE, "block 3");
    console.action("a payment");
    console.result(Console.Outcome.REFUSED, "refused: over max transfer");

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith("✓ block 3");
    assertThat(lines.get(1)).endsWith("✗ refused: over max transfer");
    assertThat(lines.get(0).indexOf('✓')).isEqualTo(lines.get(1).indexOf('✗'));
  }

  @Test
  void withoutUnicodeOrColourTheOutcomeIsSpelledOutInPlainText() {
    Console console = console(false, false, false);
    console.action("step");
    console.result(Console.Outcome.FAILED, "not final after 60 s");
    console.action("step");
    console.result(Console.Outcome.DONE, "block 4");

    assertThat(lines().get(0)).endsWith("[FAILED] not final after 60 s");
    assertThat(lines().get(1)).endsWith("[ok] block 4");
    assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("\033[");
  }

  @Test
  void anActionLeftWithoutResultIsMarkedFailedBeforeTheNextLine() {
    Console console = console(false, false, false);
    console.action("starting 4 validators");
    console.error("validator2 was killed (SIGKILL)");

    List<String> lines = lines();
    assertThat(lines.get(0))
        .startsWith("    starting 4 validators")
        .endsWith("[FAILED] did not finish");
    assertThat(lines.get(1)).isEqualTo("error: validator2 was killed (SIGKILL)");
  }

  @Test
  void tableColumnsAreAlignedToTheirWidestCell() {
    console(false, false, false)
        .table(
            List.of("node", "JSON-RPC"),
            List.of(
                List.of("validator1", "http://127.0.0.1:8545"),
                List.of("v2", "http://127.0.0.1:18545")));

    List<String> lines = lines();
    assertThat(lines.get(0)).isEqualTo("  node        JSON-RPC");
    assertThat(lines.get(1)).isEqualTo("  validator1  http://127.0.0.1:8545");
    assertThat(lines.get(2)).isEqualTo("  v2          http://127.0.0.1:18545");
  }

  @Test
  void onATerminalTheStatusLineIsRewrittenInPlaceAndClearedBeforeOtherOutput() {
    Console console = console(true, false, false);
    console.status("block 7");
    console.status("block 8");
    console.line("stopping");

    assertThat(output.toString(StandardCharsets.UTF_8))
        .isEqualTo("\rblock 7\033[K\rblock 8\033[K\r\033[Kstopping" + System.lineSeparator());
  }

  @Test
  void elsewhereEachStatusIsALineOfItsOwn() {
    Console console = console(false, false, false);
    console.status("block 7");
    console.status("block 8");

    assertThat(lines()).containsExactly("block 7", "block 8");
  }
}
