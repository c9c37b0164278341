package io.fiscus.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * {@code fiscus-client} against a validator generated with RPC authentication on, as {@code fiscus
 * genesis generate} writes it by default: with a key every command works, because the key signs the
 * bearer tokens too; without one the node's refusal is one line with a hint.
 */
class FiscusClientAuthenticationIT {
  @TempDir static Path directory;
  private static TestNetwork network;
  private static NodeProcess node;

  @BeforeAll
  static void startValidator() {
    network = TestNetwork.generate(directory, 1, 200, true);
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
  void withAKeyQueriesAndPaymentsWork() throws IOException {
    String merchant = network.account("merchant").getAddress();

    CliRun status = cli("bank-a", "status");
    CliRun paid = cli("bank-a", "transfer", merchant, "3.50");
    CliRun balance = cli("bank-a", "balance", merchant, "--json");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).containsPattern("(?m)^chain id +1337$");
    assertThat(status.out())
        .containsPattern("(?m)^total supply +visible to the central bank only$");
    assertThat(paid.exitCode()).as(paid.toString()).isZero();
    assertThat(paid.out()).containsPattern("(?m)^amount +3\\.50 DCU$");
    assertThat(balance.exitCode()).as(balance.toString()).isZero();
  }

  @Test
  void aReasonIsAcceptedWithAKeyAndRefusedWithout() throws IOException {
    String customer = network.account("customer-1").getAddress();

    CliRun withKey = cli("auditor", "history", customer, "--access-reason", "case 2026-114");
    CliRun withoutKey = cli(null, "history", customer, "--access-reason", "case 2026-114");

    assertThat(withKey.exitCode()).as(withKey.toString()).isZero();
    assertThat(withoutKey.exitCode()).isEqualTo(ErrorReport.USAGE);
    assertThat(withoutKey.err()).contains("--access-reason");
  }

  @Test
  void anAuthoritysLookWithoutAReasonIsRefusedWithTheHint() throws IOException {
    CliRun run = cli("auditor", "history", network.account("customer-1").getAddress());

    assertThat(run.exitCode()).isEqualTo(ErrorReport.FAILURE);
    assertThat(run.err()).contains("a reason is required").contains("--access-reason");
  }

  @Test
  void theTokenCommandPrintsAHeaderThatCurlCanSend() throws Exception {
    CliRun token = cli("central-bank", "token");

    assertThat(token.exitCode()).as(token.toString()).isZero();
    String header = token.out().strip();
    assertThat(header).startsWith("Bearer ");
    HttpResponse<String> supply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.rpcUrl()))
                    .header("Content-Type", "application/json")
                    .header("Authorization", header)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"cbdc_getSupply\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(supply.body()).contains("\"totalSupply\"").doesNotContain("error");
  }

  @Test
  void withoutAKeyTheRefusalIsOneLineWithAHint() throws IOException {
    CliRun run = cli(null, "balance", network.account("merchant").getAddress());

    assertThat(run.exitCode()).isEqualTo(ErrorReport.FAILURE);
    assertThat(run.err())
        .startsWith("fiscus-client balance: the node requires authentication: ")
        .contains("--key-file");
  }

  private static CliRun cli(String keyName, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--rpc-url");
    all.add(node.rpcUrl());
    if (keyName != null) {
      all.add("--key-file");
      all.add(keyFile(network.account(keyName), keyName).toString());
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static Path keyFile(Credentials credentials, String name) throws IOException {
    Path file = directory.resolve(name + ".key");
    if (!Files.exists(file)) {
      Files.writeString(
          file,
          Numeric.toHexStringWithPrefixZeroPadded(
                  credentials.getEcKeyPair().getPrivateKey(), Keys.PRIVATE_KEY_LENGTH_IN_HEX)
              + "\n");
    }
    return file;
  }
}
