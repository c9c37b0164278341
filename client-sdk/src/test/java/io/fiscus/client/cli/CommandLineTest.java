package io.fiscus.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.it.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line accepts and refuses before, or without, a node to talk to. */
class CommandLineTest {
  private static final String SOME_ADDRESS = "0x3bbdbb814b2a0de6b8f0fa565bcb1610bbe5bfd9";

  /** A loopback URL where nothing listens. */
  private static String deadNode() {
    return "http://127.0.0.1:" + NodeProcess.freePort() + "/";
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("fiscus-client: Missing required subcommand");
  }

  @Test
  void anUnknownCommandIsAUsageErrorOnOneLine() {
    CliRun run = CliRun.of("pay-everyone");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageError() {
    CliRun run = CliRun.of("invoice");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("fiscus-client invoice: Missing required subcommand");
  }

  @Test
  void aMalformedAddressIsRefusedBeforeAnythingIsSent() {
    CliRun run = CliRun.of("balance", "--rpc-url", deadNode(), "0x1234");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'0x1234' is not an address");
  }

  @Test
  void aCommandActingForTheUserNeedsAKey() {
    CliRun run = CliRun.of("balance", "--rpc-url", deadNode());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "fiscus-client balance: this needs the acting account's key: --key-file FILE, or"
                + " --keystore FILE --password-file FILE\n");
  }

  @Test
  void aKeyFileWithoutAKeyIsAUsageError(@TempDir Path directory) throws IOException {
    Path keyFile = Files.writeString(directory.resolve("key"), "not a key\n");

    CliRun run = CliRun.of("balance", "--rpc-url", deadNode(), "--key-file", keyFile.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("fiscus-client balance: key file " + keyFile);
  }

  @Test
  void aKeystoreNeedsItsPasswordFile(@TempDir Path directory) {
    CliRun run =
        CliRun.of(
            "balance", "--rpc-url", deadNode(), "--keystore", directory.resolve("k").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--keystore needs --password-file");
  }

  @Test
  void aNodeThatDoesNotAnswerIsAFailureNamingIt() {
    String url = deadNode();

    CliRun run = CliRun.of("balance", SOME_ADDRESS, "--rpc-url", url);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("fiscus-client balance: the node did not answer");
    assertThat(run.err()).contains(url.substring("http://".length(), url.length() - 1));
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void globalOptionsWorkBeforeTheCommandToo() {
    String url = deadNode();

    CliRun run = CliRun.of("--rpc-url", url, "--json", "status");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains(url.substring("http://".length(), url.length() - 1));
  }

  @Test
  void theTaxSummaryNeedsExactlyOneWayToNameTheSeller() {
    CliRun neither = CliRun.of("tax-summary", "--from", "2025-01-01", "--to", "2025-03-31");
    CliRun both =
        CliRun.of(
            "tax-summary",
            "--seller",
            SOME_ADDRESS,
            "--seller-tax-id",
            "TIN-1",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-31");

    assertThat(neither.exitCode()).as(neither.toString()).isEqualTo(2);
    assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsAUsageError() {
    CliRun run =
        CliRun.of(
            "tax-summary",
            "--rpc-url",
            deadNode(),
            "--seller-tax-id",
            "TIN-1",
            "--from",
            "2025-03-31",
            "--to",
            "2025-01-01");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--to is before --from");
  }

  @Test
  void aDateMustBeIsoFormatted() {
    CliRun run =
        CliRun.of(
            "tax-summary",
            "--seller-tax-id",
            "TIN-1",
            "--from",
            "31.03.2025",
            "--to",
            "2025-04-01");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'31.03.2025' is not a date (YYYY-MM-DD)");
  }

  @Test
  void aListLimitOutsideItsRangeIsAUsageError() {
    CliRun run = CliRun.of("history", SOME_ADDRESS, "--rpc-url", deadNode(), "--limit", "0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--limit must be 1 to 10000");
  }

  @Test
  void anInvoiceIdIsHexOrTaxIdSlashNumber() {
    CliRun run = CliRun.of("invoice", "show", "--rpc-url", deadNode(), "INV-7");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'INV-7' is not an invoice id");
  }

  @Test
  void anEmptyRecordKeyIsAUsageError() {
    CliRun run =
        CliRun.of(
            "record",
            "get",
            "--rpc-url",
            deadNode(),
            "--submitter",
            SOME_ADDRESS,
            "settlement",
            "");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("must not be empty");
  }

  @Test
  void anAmountWithMoreThanTwoDecimalsIsRefusedNotRounded() {
    CliRun run = CliRun.of("transfer", "--rpc-url", deadNode(), SOME_ADDRESS, "12.505");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("fiscus-client transfer: Invalid value").contains("12.505");
  }

  @Test
  void aTaxRateIsAPercentageUpToOneHundred() {
    CliRun run =
        CliRun.of(
            "invoice",
            "issue",
            "INV-1",
            "--net",
            "100",
            "--tax-rate",
            "120",
            "--document",
            "x.xml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'120' is more than 100 percent");
  }

  @Test
  void aRecordNeedsItsPayloadOnceAsTextOrFile(@TempDir Path directory) throws IOException {
    Path keyFile = Files.writeString(directory.resolve("key"), "0x" + "11".repeat(32));
    CliRun neither =
        CliRun.of(
            "record", "put", "--rpc-url", deadNode(), "--key-file", keyFile.toString(), "k", "x");

    assertThat(neither.exitCode()).as(neither.toString()).isEqualTo(2);
    assertThat(neither.err()).contains("give the payload as PAYLOAD or --file FILE");
  }

  @Test
  void aGenesisFileThatIsNotOneIsAUsageError(@TempDir Path directory) throws IOException {
    Path keyFile = Files.writeString(directory.resolve("key"), "0x" + "11".repeat(32));
    Path notGenesis = Files.writeString(directory.resolve("genesis.json"), "[]");

    CliRun run =
        CliRun.of(
            "transfer",
            SOME_ADDRESS,
            "1",
            "--rpc-url",
            deadNode(),
            "--key-file",
            keyFile.toString(),
            "--genesis-file",
            notGenesis.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("fiscus-client transfer: --genesis-file: ");
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "balance",
            "transfer",
            "history",
            "invoice",
            "tax-summary",
            "record",
            "account",
            "mint",
            "redeem",
            "status");
  }
}
