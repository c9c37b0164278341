package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.invoices.InvoiceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A node with {@code --rpc-authentication-enabled}: who may see what (ADR 0020) over real HTTP.
 * Bank A's customers are the merchant and customer-1, bank B's customer-2, whom the tax authority
 * registers as a second merchant.
 */
class VisibilityIT {
  private static final int FORBIDDEN = -32000;
  private static final String SECOND_TAX_ID = "TIN-SHOP-002";

  @TempDir static Path dir;
  static TestNetwork network;
  static NodeProcess node;
  static final List<Web3j> clients = new ArrayList<>();
  static String customer1;
  static String customer2;
  static String merchantInvoiceId;
  static String secondMerchantInvoiceId;
  static String plainTransfer;

  @BeforeAll
  static void startNodeAndTrade() {
    network = TestNetwork.generate(dir, 1, 250);
    node = network.node(1, "--rpc-authentication-enabled");
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    customer1 = network.account("customer-1").getAddress();
    customer2 = network.account("customer-2").getAddress();
    succeeds(
        wallet("tax-authority").execute(LedgerCalls.registerTaxpayer(customer2, SECOND_TAX_ID)));
    succeeds(wallet("merchant").execute(invoice("INV-A")));
    succeeds(wallet("customer-2").execute(invoice("INV-B")));
    plainTransfer =
        succeeds(
                wallet("customer-2")
                    .execute(LedgerCalls.transfer(network.account("bank-b").getAddress(), 500)))
            .getTransactionHash();
    merchantInvoiceId = InvoiceStore.invoiceId("TIN-MERCHANT-001", "INV-A").toHex();
    secondMerchantInvoiceId = InvoiceStore.invoiceId(SECOND_TAX_ID, "INV-B").toHex();
  }

  @AfterAll
  static void stopNode() {
    clients.forEach(Web3j::shutdown);
    node.close();
  }

  private static LedgerCalls.Call invoice(String number) {
    byte[] document = new byte[32];
    System.arraycopy(number.getBytes(StandardCharsets.US_ASCII), 0, document, 0, number.length());
    return LedgerCalls.issueInvoice(number, customer1, 1_700_000_000L, 100, 19, 1_900, document);
  }

  private static Wallet wallet(String name) {
    Credentials key = network.account(name);
    HttpService http = new HttpService(node.rpcUrl());
    http.addHeader("Authorization", BearerToken.header(key, network.chainId));
    Web3j web3j = Web3j.build(http);
    clients.add(web3j);
    return new Wallet(web3j, network.chainId, key);
  }

  private static TransactionReceipt succeeds(TransactionReceipt receipt) {
    assertThat(receipt.isStatusOK()).as(receipt.toString()).isTrue();
    return receipt;
  }

  private static RawRpc as(String name) {
    return new RawRpc(node.rpcUrl())
        .withAuthorization(BearerToken.header(network.account(name), network.chainId));
  }

  private static void assertForbidden(JsonNode response, String why) {
    assertThat(response.path("error").path("code").asInt())
        .as(response.toString())
        .isEqualTo(FORBIDDEN);
    assertThat(response.path("error").path("message").asText()).isEqualTo("Forbidden");
    assertThat(response.path("error").path("data").asText()).contains(why);
  }

  private static List<String> logTransactions(String name) {
    List<String> hashes = new ArrayList<>();
    as(name)
        .result("eth_getLogs", java.util.Map.of("fromBlock", "0x0", "toBlock", "latest"))
        .forEach(log -> hashes.add(log.get("transactionHash").asText()));
    return hashes;
  }

  @Test
  void aBankCannotReadAnotherBanksCustomer() {
    RawRpc bankA = as("bank-a");

    assertForbidden(bankA.call("cbdc_getAccountHistory", customer2), "not visible");
    assertForbidden(bankA.call("eth_getTransactionByHash", plainTransfer), "not visible");
    assertForbidden(bankA.call("eth_getTransactionReceipt", plainTransfer), "not visible");
    assertThat(logTransactions("bank-a")).doesNotContain(plainTransfer);
    assertThat(as("bank-b").result("cbdc_getAccountHistory", customer2).get("items")).isNotEmpty();
    assertThat(logTransactions("bank-b")).contains(plainTransfer);
  }

  @Test
  void aMerchantCannotSeeAnotherMerchantsInvoice() {
    assertForbidden(as("merchant").call("cbdc_getInvoice", secondMerchantInvoiceId), "invoice");
    assertThat(as("merchant").result("cbdc_getInvoice", merchantInvoiceId).get("number").asText())
        .isEqualTo("INV-A");
    assertThat(as("customer-2").result("cbdc_getInvoice", secondMerchantInvoiceId)).isNotNull();
    assertThat(as("merchant").result("cbdc_getInvoices", java.util.Map.of()).get("items"))
        .hasSize(1);
  }

  @Test
  void theTaxAuthoritySeesInvoicesButNotAPlainTransfer() {
    RawRpc tax = as("tax-authority");

    assertThat(tax.result("cbdc_getInvoices", java.util.Map.of()).get("items")).hasSize(2);
    assertForbidden(tax.call("cbdc_getInvoice", merchantInvoiceId), "a reason is required");
    assertThat(
            tax.withHeader("X-Fiscus-Reason", "VAT return 2026-Q4")
                .result("cbdc_getInvoice", merchantInvoiceId))
        .isNotNull();
    assertForbidden(tax.call("eth_getTransactionByHash", plainTransfer), "not visible");
    assertThat(logTransactions("tax-authority")).doesNotContain(plainTransfer);
  }

  @Test
  void anAuditorsLookNeedsAReasonAndIsRecordedBeforeItIsAnswered() {
    RawRpc auditor = as("auditor");

    assertForbidden(auditor.call("cbdc_getAccountHistory", customer1), "a reason is required");

    JsonNode withReason =
        auditor
            .withHeader("X-Fiscus-Reason", "case 2026-117")
            .call("cbdc_getAccountHistory", customer1);

    assertThat(withReason.has("result")).as(withReason.toString()).isTrue();
    JsonNode looks = as("customer-1").result("cbdc_getAccessLog", customer1);
    assertThat(looks)
        .anySatisfy(
            look -> {
              assertThat(look.get("viewer").asText())
                  .isEqualTo(network.account("auditor").getAddress());
              assertThat(look.get("method").asText()).isEqualTo("cbdc_getAccountHistory");
              assertThat(look.get("reason").asText()).isEqualTo("case 2026-117");
            });
    assertThat(as("bank-a").result("cbdc_getAccessLog", customer1).toString())
        .contains("case 2026-117");
  }

  @Test
  void anAccountsAccessLogIsItsAndItsBanksOnly() {
    assertThat(as("customer-1").result("cbdc_getAccessLog", customer1).isArray()).isTrue();
    assertThat(as("bank-a").result("cbdc_getAccessLog", customer1).isArray()).isTrue();
    assertForbidden(as("bank-b").call("cbdc_getAccessLog", customer1), "access log");
  }

  @Test
  void aWebSocketSubscriberGetsOnlyTheLogsItMaySee() throws Exception {
    try (WebSocketConnection bankA = socket(token("bank-a"), null)) {
      bankA.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"logs\",{}]}");
      assertThat(bankA.next().has("result")).isTrue();

      String hidden =
          succeeds(
                  wallet("customer-2")
                      .execute(LedgerCalls.transfer(network.account("bank-b").getAddress(), 7)))
              .getTransactionHash();
      String shown =
          succeeds(
                  wallet("customer-1")
                      .execute(LedgerCalls.transfer(network.account("merchant").getAddress(), 3)))
              .getTransactionHash();

      String seen = "";
      while (!seen.contains(shown)) {
        seen += bankA.next();
      }
      assertThat(seen).doesNotContain(hidden);
    }
  }

  @Test
  void aWebSocketUpgradeCarriesTheReasonOfItsLooks() throws Exception {
    String request =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"cbdc_getAccountHistory\",\"params\":[\""
            + customer1
            + "\"]}";
    try (WebSocketConnection withoutReason = socket(token("auditor"), null)) {
      withoutReason.send(request);
      assertForbidden(withoutReason.next(), "a reason is required");
    }
    try (WebSocketConnection withReason = socket(token("auditor"), "case 2026-118")) {
      withReason.send(request);
      JsonNode answer = withReason.next();
      assertThat(answer.has("result")).as(answer.toString()).isTrue();
      assertThat(as("customer-1").result("cbdc_getAccessLog", customer1).toString())
          .contains("case 2026-118");
    }
  }

  private static String token(String name) {
    return BearerToken.header(network.account(name), network.chainId);
  }

  private static WebSocketConnection socket(String authorization, String reason) {
    return WebSocketConnection.open(
        node.wsUrl(),
        reason == null
            ? Map.of("Authorization", authorization)
            : Map.of("Authorization", authorization, "X-Fiscus-Reason", reason));
  }
}
