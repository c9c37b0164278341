package io.fiscus.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * Every {@code fiscus-client} command against one real validator, as a user runs them: the demo
 * accounts' keys in files, text output for people, JSON for scripts, and the one-line errors. Tests
 * that change balances use fresh accounts, so they do not depend on each other's order.
 */
class FiscusClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;
  private static TestNetwork network;
  private static NodeProcess node;

  @BeforeAll
  static void startValidator() {
    network = TestNetwork.generate(directory, 1, 200);
    node = new NodeProcess(network.nodeConfig(1), NodeProcess.freePort(), List.of());
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopValidator() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void statusShowsTheChainItsValidatorAndTheSupply() {
    CliRun run = ok(cli(null, "status"));

    assertThat(run.out()).containsPattern("(?m)^chain id +1337$");
    assertThat(run.out()).containsPattern("(?m)^is validator +yes$");
    assertThat(run.out()).containsPattern("(?m)^total supply +\\d+\\.\\d\\d DCU$");
  }

  @Test
  void aBankRegistersACustomerWhoIsPaidWithAReferenceAndSeesItInTheHistory() {
    Credentials customer = newKey();

    CliRun register =
        ok(cli("bank-a", "account", "register", customer.getAddress(), "--tier", "1"));
    CliRun transfer =
        ok(cli("bank-a", "transfer", customer.getAddress(), "12.5", "--reference", "ORDER-42"));

    assertThat(register.out()).containsPattern("(?m)^block +\\d+$");
    assertThat(transfer.out()).containsPattern("(?m)^amount +12\\.50 DCU$");
    assertThat(transfer.out()).containsPattern("(?m)^transaction +0x[0-9a-f]{64}$");
    assertThat(transfer.out()).containsPattern("(?m)^block +\\d+$");
    assertThat(ok(cli(null, "balance", customer.getAddress())).out())
        .containsPattern("(?m)^balance +12\\.50 DCU$");
    assertThat(json(cli(null, "balance", customer.getAddress(), "--json")).get("balance").asText())
        .isEqualTo("12.50");
    CliRun history = ok(cli(null, "history", customer.getAddress()));
    assertThat(history.out().lines().toList().get(0))
        .startsWith("BLOCK")
        .contains("DIRECTION", "COUNTERPARTY", "AMOUNT", "REFERENCE");
    assertThat(history.out())
        .contains("transfer", "in", network.account("bank-a").getAddress(), "12.50 DCU");
    JsonNode item = json(cli(null, "history", customer.getAddress(), "--json")).get(0);
    assertThat(transfer.out())
        .containsPattern("(?m)^transaction +" + item.get("transaction").asText() + "$");
    assertThat(item.get("direction").asText()).isEqualTo("in");
    assertThat(item.get("amount").asText()).isEqualTo("12.50");
  }

  @Test
  void withTheGenesisFileTheClientVerifiesFinalityItselfInsteadOfTrustingTheNode() {
    CliRun trusting = ok(cli("bank-a", "transfer", address("merchant"), "0.01"));
    CliRun verifying =
        ok(
            cli(
                "bank-a",
                "transfer",
                address("merchant"),
                "0.01",
                "--genesis-file",
                network.directory.resolve("genesis.json").toString()));

    assertThat(trusting.out()).containsPattern("(?m)^finality +reported by the node$");
    assertThat(verifying.out()).containsPattern("(?m)^finality +verified$");
    assertThat(verifying.out()).containsPattern("(?m)^seals +1 of 1 validators, quorum 1$");
  }

  @Test
  void aTransferOverTheTierLimitIsRevertedWithItsReasonAndExitCode1() {
    CliRun run = cli("customer-1", "transfer", address("merchant"), "250.00");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "fiscus-client transfer: transaction reverted: over max transfer (transaction 0x")
        .containsPattern(", block \\d+\\)\n$");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theLaunchedProgramExitsWithTheCommandsCodeAndKeepsErrorsOnStderr() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                FiscusClientCommand.class.getName(),
                "transfer",
                address("merchant"),
                "250",
                "--key-file",
                keyFile("customer-1").toString(),
                "--rpc-url",
                url())
            .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("fiscus-client finished").isTrue();

    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isEqualTo(1);
    assertThat(stdout).isEmpty();
    assertThat(stderr)
        .startsWith("fiscus-client transfer: transaction reverted: over max transfer");
  }

  @Test
  void aPaymentToAnUnregisteredAccountIsRevertedWithItsReason() {
    CliRun run = cli("bank-a", "transfer", newKey().getAddress(), "1.00");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("transaction reverted: recipient not registered");
  }

  @Test
  void anUnregisteredSenderIsRefusedByTheNodeWithItsJsonRpcCode() throws IOException {
    Path stranger = Files.writeString(directory.resolve("stranger.key"), hexKey(newKey()));

    CliRun run =
        CliRun.of(
            "transfer", address("merchant"), "1", "--key-file", stranger.toString(), rpc(), url());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "fiscus-client transfer: the node refused the transaction: Sender account not"
                + " authorized to send transactions (JSON-RPC error -32007)\n");
  }

  @Test
  void theCentralBankMintsToABankThatRedeemsPartOfIt() {
    long before = minorUnits(cli(null, "balance", address("bank-b"), "--json"), "balance");

    CliRun mint = ok(cli("central-bank", "mint", address("bank-b"), "1000.00"));
    CliRun redeem = ok(cli("bank-b", "redeem", "400"));

    assertThat(mint.out()).containsPattern("(?m)^minted +1000\\.00 DCU$");
    assertThat(redeem.out()).containsPattern("(?m)^redeemed +400\\.00 DCU$");
    long after = minorUnits(cli(null, "balance", address("bank-b"), "--json"), "balance");
    assertThat(after - before).isEqualTo(600_00);
    JsonNode status = json(cli(null, "status", "--json"));
    assertThat(minorUnits(status, "issued") - minorUnits(status, "redeemed"))
        .isEqualTo(minorUnits(status, "totalSupply"));
  }

  @Test
  void aFrozenAccountCannotBePaidUntilItIsUnfrozen() {
    Credentials customer = newKey();
    ok(cli("bank-a", "account", "register", customer.getAddress(), "--tier", "2"));

    ok(cli("central-bank", "account", "freeze", customer.getAddress(), "--reason", "order 7/25"));
    CliRun shown = ok(cli(null, "account", "show", customer.getAddress()));
    CliRun refused = cli("bank-a", "transfer", customer.getAddress(), "5");
    ok(cli("central-bank", "account", "unfreeze", customer.getAddress()));

    assertThat(shown.out()).containsPattern("(?m)^frozen +yes$");
    assertThat(shown.out()).containsPattern("(?m)^tier +2$");
    assertThat(shown.out()).containsPattern("(?m)^bank +" + address("bank-a") + "$");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("transaction reverted: recipient frozen");
    JsonNode account = json(cli(null, "account", "show", customer.getAddress(), "--json"));
    assertThat(account.get("frozen").asBoolean()).isFalse();
    assertThat(account.get("roles").isArray()).isTrue();
    ok(cli("bank-a", "transfer", customer.getAddress(), "5"));
  }

  @Test
  void anInvoiceIsIssuedPaidCreditedListedAndSummedForTheTaxAuthority() throws IOException {
    Path document = Files.writeString(directory.resolve("inv.xml"), "<Invoice>INV-1</Invoice>");
    String paid = "TIN-MERCHANT-001/INV-2024-1";

    CliRun issued =
        ok(
            cli(
                "merchant",
                "invoice",
                "issue",
                "INV-2024-1",
                "--buyer",
                address("customer-2"),
                "--net",
                "100.00",
                "--tax-rate",
                "20",
                "--date",
                "2024-02-29",
                "--document",
                document.toString()));
    CliRun payment = ok(cli("customer-2", "invoice", "pay", paid));
    ok(
        cli(
            "merchant",
            "invoice",
            "credit",
            paid,
            "CN-2024-1",
            "--net",
            "50",
            "--document",
            document.toString()));
    ok(
        cli(
            "merchant",
            "invoice",
            "issue",
            "INV-2024-2",
            "--net",
            "10",
            "--tax-rate",
            "5.5",
            "--date",
            "2024-02-29",
            "--document",
            document.toString()));
    CliRun cancelled =
        ok(
            cli(
                "merchant",
                "invoice",
                "cancel",
                "TIN-MERCHANT-001/INV-2024-2",
                "--reason",
                "issued twice"));

    assertThat(issued.out()).containsPattern("(?m)^tax amount +20\\.00 DCU$");
    assertThat(issued.out()).containsPattern("(?m)^gross amount +120\\.00 DCU$");
    assertThat(payment.out()).containsPattern("(?m)^paid +120\\.00 DCU$");
    assertThat(cancelled.out()).containsPattern("(?m)^status +cancelled$");
    CliRun shown = ok(cli(null, "invoice", "show", paid));
    assertThat(shown.out()).containsPattern("(?m)^status +paid$");
    assertThat(shown.out()).containsPattern("(?m)^tax rate +20\\.00%$");
    assertThat(shown.out()).containsPattern("(?m)^credited net amount +50\\.00 DCU$");
    assertThat(shown.out()).containsPattern("(?m)^issue date +2024-02-29$");

    CliRun list =
        ok(cli(null, "invoice", "list", "--seller-tax-id", "TIN-MERCHANT-001", "--limit", "2"));
    assertThat(list.out().lines().toList().get(0)).startsWith("ID").contains("GROSS AMOUNT");
    // By issue date: the credit note is dated the day it was issued, after both invoices.
    assertThat(list.out()).contains("INV-2024-1", "INV-2024-2").doesNotContain("CN-2024-1");
    assertThat(list.out()).endsWith("(the first 2 shown; --limit N shows more)\n");
    JsonNode all = json(cli(null, "invoice", "list", "--seller", address("merchant"), "--json"));
    assertThat(all).hasSize(3);
    JsonNode onlyPaid = json(cli(null, "invoice", "list", "--status", "paid", "--json"));
    assertThat(onlyPaid).hasSize(1);
    assertThat(onlyPaid.get(0).get("grossAmount").asText()).isEqualTo("120.00");

    CliRun summary =
        ok(
            cli(
                "tax-authority",
                "tax-summary",
                "--seller-tax-id",
                "TIN-MERCHANT-001",
                "--from",
                "2024-01-01",
                "--to",
                "2024-03-31"));
    assertThat(summary.out()).containsPattern("(?m)^invoices +1$");
    assertThat(summary.out()).containsPattern("(?m)^tax total +20\\.00 DCU$");
    assertThat(summary.out()).containsPattern("(?m)^paid gross total +120\\.00 DCU$");
    assertThat(summary.out()).containsPattern("(?m)^vat due +20\\.00 DCU$");
    // The credit note is dated the day it was issued: it lowers the VAT due of today's period.
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonNode credits =
        json(
            cli(
                "tax-authority",
                "tax-summary",
                "--seller",
                address("merchant"),
                "--from",
                today,
                "--to",
                today,
                "--json"));
    assertThat(credits.get("creditNotes").asLong()).isEqualTo(1);
    assertThat(credits.get("creditTaxTotal").asText()).isEqualTo("10.00");
    assertThat(credits.get("vatDue").asText()).isEqualTo("-10.00");
  }

  @Test
  void aRecordIsWrittenTwiceAndEachVersionReadBack() {
    ok(cli("bank-a", "record", "put", "settlement", "2025-06-30", "net 1200.00 to bank-b"));
    CliRun second =
        ok(cli("bank-a", "record", "put", "settlement", "2025-06-30", "net 1150.00 to bank-b"));

    assertThat(second.out()).containsPattern("(?m)^version +2$");
    CliRun latest =
        ok(
            cli(
                null,
                "record",
                "get",
                "settlement",
                "2025-06-30",
                "--submitter",
                address("bank-a")));
    assertThat(latest.out()).containsPattern("(?m)^payload +net 1150\\.00 to bank-b$");
    JsonNode first =
        json(
            cli("bank-a", "record", "get", "settlement", "2025-06-30", "--version", "1", "--json"));
    assertThat(first.get("payload").asText()).isEqualTo("net 1200.00 to bank-b");
    assertThat(first.get("payloadHex").asText()).startsWith("0x6e657420");
    CliRun missing = cli("bank-a", "record", "get", "settlement", "2025-06-30", "--version", "3");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("fiscus-client record get: no record settlement / 2025-06-30 version 3\n");
  }

  @Test
  void aKeystoreWithItsPasswordFileActsForItsAccount() throws Exception {
    Path keystores = Files.createDirectories(directory.resolve("keystores"));
    String file =
        WalletUtils.generateWalletFile(
            "correct horse",
            network.account("customer-2").getEcKeyPair(),
            keystores.toFile(),
            false);
    Path password = Files.writeString(directory.resolve("password"), "correct horse\n");
    Path wrong = Files.writeString(directory.resolve("wrong-password"), "battery staple\n");
    String keystore = keystores.resolve(file).toString();

    CliRun run =
        CliRun.of(
            "balance",
            "--keystore",
            keystore,
            "--password-file",
            password.toString(),
            rpc(),
            url());
    CliRun refused =
        CliRun.of(
            "balance", "--keystore", keystore, "--password-file", wrong.toString(), rpc(), url());

    assertThat(ok(run).out()).containsPattern("(?m)^address +" + address("customer-2") + "$");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("wrong password");
  }

  @Test
  void anUnknownInvoiceIsAFailureNotAnEmptyAnswer() {
    CliRun run = cli(null, "invoice", "show", "TIN-MERCHANT-001/NO-SUCH-NUMBER");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("fiscus-client invoice show: no invoice 0x");
  }

  // ---- helpers ----

  /** Runs the CLI against the node, as the demo account {@code keyName} (null: no key). */
  private static CliRun cli(String keyName, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(rpc());
    all.add(url());
    if (keyName != null) {
      all.add("--key-file");
      all.add(keyFile(keyName).toString());
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static String rpc() {
    return "--rpc-url";
  }

  private static String url() {
    return node.rpcUrl();
  }

  private static CliRun ok(CliRun run) {
    assertThat(run.exitCode()).as(run + "\nnode log:\n" + node.logTail()).isZero();
    assertThat(run.err()).isEmpty();
    return run;
  }

  private static JsonNode json(CliRun run) {
    return json(ok(run).out());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long minorUnits(CliRun run, String field) {
    return minorUnits(json(run), field);
  }

  private static long minorUnits(JsonNode object, String field) {
    return new java.math.BigDecimal(object.get(field).asText()).movePointRight(2).longValueExact();
  }

  private static String address(String name) {
    return network.account(name).getAddress();
  }

  private static Path keyFile(String name) {
    Path file = directory.resolve(name + ".key");
    if (!Files.exists(file)) {
      try {
        Files.writeString(file, hexKey(network.account(name)) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  private static String hexKey(Credentials credentials) {
    return Numeric.toHexStringWithPrefixZeroPadded(
        credentials.getEcKeyPair().getPrivateKey(), Keys.PRIVATE_KEY_LENGTH_IN_HEX);
  }

  private static Credentials newKey() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
