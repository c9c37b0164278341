package io.fiscus.rpc.cbdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.index.HistoryEntry;
import io.fiscus.index.HistoryKind;
import io.fiscus.index.HistoryQuery;
import io.fiscus.index.InvoiceQuery;
import io.fiscus.index.Page;
import io.fiscus.index.RecordEntry;
import io.fiscus.index.RecordQuery;
import io.fiscus.index.TaxSummary;
import io.fiscus.index.TaxSummaryQuery;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeLedgerIndex;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.rpc.testchain.LedgerScenario;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CbdcMethodsTest {
  static final LedgerScenario LEDGER = new LedgerScenario();

  private final FakeLedgerIndex index = new FakeLedgerIndex();
  private final FakeTransactionPool pool = new FakeTransactionPool();
  private final FakeConsensusControl consensus = new FakeConsensusControl();
  private final Map<String, RpcMethod> methods =
      CbdcMethods.create(
          LEDGER.chain,
          index,
          pool,
          consensus,
          () -> List.of(new Peers.PeerInfo("enode://a@127.0.0.1:1", "127.0.0.1:1", true)),
          LedgerScenario.CHAIN_ID);

  JsonNode json(String method, String params) {
    return Params.parse(Params.write(methods.get(method).call(Params.of(params))));
  }

  RpcException failure(String method, String params) {
    try {
      methods.get(method).call(Params.of(params));
    } catch (RpcException e) {
      return e;
    }
    throw new AssertionError(method + " " + params + " did not fail");
  }

  @Test
  void getAccountShowsARegisteredCustomer() {
    JsonNode alice = json("cbdc_getAccount", "[\"" + LEDGER.alice.toHex() + "\"]");
    assertThat(alice)
        .isEqualTo(
            Params.parse(
                """
                {"address":"%s","registered":true,"bank":"%s","tier":1,"frozen":false,
                 "taxId":null,"roles":[],"balance":"3810","nonce":"0x2"}
                """
                    .formatted(LEDGER.alice.toHex(), LEDGER.bank.toHex())));
  }

  @Test
  void getAccountShowsRolesTaxIdsAndUnregisteredAddresses() {
    JsonNode centralBank = json("cbdc_getAccount", "[\"" + LEDGER.centralBank.toHex() + "\"]");
    assertThat(centralBank.get("roles").get(0).asText()).isEqualTo("CENTRAL_BANK");
    assertThat(centralBank.get("bank").isNull()).isTrue();
    JsonNode shop = json("cbdc_getAccount", "[\"" + LEDGER.shop.toHex() + "\"]");
    assertThat(shop.get("taxId").asText()).isEqualTo(LedgerScenario.SHOP_TAX_ID);
    assertThat(shop.get("balance").asText()).isEqualTo("1190");
    JsonNode stranger = json("cbdc_getAccount", "[\"" + LEDGER.stranger.toHex() + "\"]");
    assertThat(stranger.get("registered").asBoolean()).isFalse();
    assertThat(stranger.get("tier").isNull()).isTrue();
    assertThat(stranger.get("balance").asText()).isEqualTo("0");
    assertThat(stranger.get("roles")).isEmpty();
  }

  @Test
  void getInvoiceShowsEveryFieldWithNamesAndCodes() {
    JsonNode invoice = json("cbdc_getInvoice", "[\"" + LEDGER.invoiceId.toHex() + "\"]");
    assertThat(invoice.get("id").asText()).isEqualTo(LEDGER.invoiceId.toHex());
    assertThat(invoice.get("kind").asText()).isEqualTo("invoice");
    assertThat(invoice.get("kindCode").asInt()).isZero();
    assertThat(invoice.get("status").asText()).isEqualTo("paid");
    assertThat(invoice.get("statusCode").asInt()).isEqualTo(Invoice.PAID);
    assertThat(invoice.get("seller").asText()).isEqualTo(LEDGER.shop.toHex());
    assertThat(invoice.get("sellerTaxId").asText()).isEqualTo(LedgerScenario.SHOP_TAX_ID);
    assertThat(invoice.get("buyer").asText()).isEqualTo(LEDGER.alice.toHex());
    assertThat(invoice.get("buyerTaxId").asText()).isEmpty();
    assertThat(invoice.get("number").asText()).isEqualTo(LedgerScenario.INVOICE_NUMBER);
    assertThat(invoice.get("issueDate").asText())
        .isEqualTo("0x" + Long.toHexString(LedgerScenario.INVOICE_DATE));
    assertThat(invoice.get("netAmount").asText()).isEqualTo("1000");
    assertThat(invoice.get("taxAmount").asText()).isEqualTo("190");
    assertThat(invoice.get("taxRateBp").asInt()).isEqualTo(1_900);
    assertThat(invoice.get("documentHash").asText())
        .isEqualTo(LedgerScenario.hashOf("pdf").toHex());
    assertThat(invoice.get("originalId").isNull()).isTrue();
    assertThat(invoice.get("creditedNetAmount").asText()).isEqualTo("0");
    assertThat(invoice.get("issuedAtBlock").asText()).isEqualTo("0x2");
    assertThat(invoice).hasSize(18);
  }

  @Test
  void getInvoiceOfAnUnknownIdIsNull() {
    assertThat(json("cbdc_getInvoice", "[\"" + Hash.ZERO.toHex() + "\"]").isNull()).isTrue();
  }

  @Test
  void getSupplyCountsGenesisBalancesAndMintsAsIssued() {
    assertThat(json("cbdc_getSupply", "[]"))
        .isEqualTo(
            Params.parse(
                "{\"totalSupply\":\"1001000\",\"issued\":\"1001000\",\"redeemed\":\"0\"}"));
  }

  @Test
  void getAccountHistoryPassesTheFilterAndRendersThePage() {
    Hash reference = LedgerScenario.hashOf("ref");
    index.history =
        new Page<>(
            List.of(
                new HistoryEntry(
                    LEDGER.alicePaysInvoice.hash(),
                    3,
                    1_700_000_003L,
                    HistoryKind.INVOICE_PAYMENT,
                    LEDGER.alice,
                    LEDGER.shop,
                    1_190,
                    Optional.of(reference)),
                new HistoryEntry(
                    LEDGER.bankPaysAlice.hash(),
                    1,
                    1_700_000_001L,
                    HistoryKind.TRANSFER,
                    LEDGER.bank,
                    LEDGER.alice,
                    5_000,
                    Optional.empty())),
            Optional.of("next"));
    JsonNode page =
        json(
            "cbdc_getAccountHistory",
            "[\"%s\", {\"fromBlock\":\"0x1\",\"toBlock\":\"latest\",\"limit\":2,\"cursor\":\"c\"}]"
                .formatted(LEDGER.alice.toHex()));
    assertThat(index.lastQuery)
        .isEqualTo(
            new HistoryQuery(
                LEDGER.alice, OptionalLong.of(1), OptionalLong.of(3), Optional.of("c"), 2));
    assertThat(page.get("nextCursor").asText()).isEqualTo("next");
    assertThat(page.get("items").get(0))
        .isEqualTo(
            Params.parse(
                """
                {"txHash":"%s","blockNumber":"0x3","timestamp":"0x6553f103",
                 "kind":"invoicePayment","from":"%s","to":"%s","amount":"1190","reference":"%s"}
                """
                    .formatted(
                        LEDGER.alicePaysInvoice.hash().toHex(),
                        LEDGER.alice.toHex(),
                        LEDGER.shop.toHex(),
                        reference.toHex())));
    assertThat(page.get("items").get(1).has("reference")).isFalse();
    assertThat(page.get("items").get(1).get("kind").asText()).isEqualTo("transfer");
  }

  @Test
  void aHistoryQueryWithoutFilterAsksForTheDefaultLimitAndAnswersANullCursorAtTheEnd() {
    JsonNode page = json("cbdc_getAccountHistory", "[\"" + LEDGER.alice.toHex() + "\"]");
    assertThat(index.lastQuery)
        .isEqualTo(
            new HistoryQuery(
                LEDGER.alice, OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), 100));
    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void getInvoicesPassesEveryFilterAndRendersInvoices() {
    Invoice invoice =
        io.fiscus.contracts.invoices.InvoiceStore.invoice(
                LEDGER.chain.latestState(), LEDGER.invoiceId)
            .orElseThrow();
    index.invoices = new Page<>(List.of(invoice), Optional.empty());
    JsonNode page =
        json(
            "cbdc_getInvoices",
            """
            [{"seller":"%s","buyer":"%s","sellerTaxId":"DE1","buyerTaxId":"DE2",
              "status":"paid","fromDate":"0x1","toDate":1000,"limit":"0x3e8"}]
            """
                .formatted(LEDGER.shop.toHex(), LEDGER.alice.toHex()));
    assertThat(index.lastQuery)
        .isEqualTo(
            new InvoiceQuery(
                Optional.of(LEDGER.shop),
                Optional.of(LEDGER.alice),
                Optional.of("DE1"),
                Optional.of("DE2"),
                OptionalInt.of(Invoice.PAID),
                OptionalLong.of(1),
                OptionalLong.of(1000),
                Optional.empty(),
                1000));
    assertThat(page.get("items").get(0))
        .isEqualTo(json("cbdc_getInvoice", "[\"" + LEDGER.invoiceId.toHex() + "\"]"));
    json("cbdc_getInvoices", "[{\"status\":3}]");
    assertThat(((InvoiceQuery) index.lastQuery).status()).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void getTaxSummaryAnswersTotalsAsDecimalStrings() {
    index.taxSummary = new TaxSummary(2, 2_000, 380, 1, 100, 19, 1, 1_190);
    JsonNode summary =
        json(
            "cbdc_getTaxSummary",
            "[{\"sellerTaxId\":\"DE123456789\",\"fromDate\":0,\"toDate\":9}]");
    assertThat(index.lastQuery)
        .isEqualTo(new TaxSummaryQuery(Optional.empty(), Optional.of("DE123456789"), 0, 9));
    assertThat(summary)
        .isEqualTo(
            Params.parse(
                """
                {"invoiceCount":"0x2","netTotal":"2000","taxTotal":"380","creditNoteCount":"0x1",
                 "creditNetTotal":"100","creditTaxTotal":"19","paidCount":"0x1",
                 "paidGrossTotal":"1190"}
                """));
  }

  @Test
  void getRecordsPassesTheFilterAndShowsPayloadsAsHex() {
    Hash kind = LedgerScenario.RECORD_KIND;
    Hash key = LedgerScenario.RECORD_KEY;
    Hash transaction = LedgerScenario.hashOf("tx");
    index.records =
        new Page<>(
            List.of(
                new RecordEntry(
                    LEDGER.alice, kind, key, 1, LedgerScenario.RECORD_PAYLOAD, 2, transaction)),
            Optional.empty());
    JsonNode page =
        json(
            "cbdc_getRecords",
            "[{\"submitter\":\"%s\",\"kind\":\"%s\",\"key\":\"%s\"}]"
                .formatted(LEDGER.alice.toHex(), kind.toHex(), key.toHex()));
    assertThat(index.lastQuery)
        .isEqualTo(
            new RecordQuery(
                Optional.of(LEDGER.alice),
                Optional.of(kind),
                Optional.of(key),
                Optional.empty(),
                100));
    assertThat(page.get("items").get(0))
        .isEqualTo(
            Params.parse(
                """
                {"submitter":"%s","kind":"%s","key":"%s","version":"0x1","payload":"0xcafe",
                 "blockNumber":"0x2","txHash":"%s"}
                """
                    .formatted(
                        LEDGER.alice.toHex(), kind.toHex(), key.toHex(), transaction.toHex())));
  }

  @Test
  void nodeStatusReportsTheHeadTheValidatorsAndTheDriver() {
    pool.pending = 3;
    pool.queued = 2;
    consensus.round = 1;
    JsonNode status = json("cbdc_nodeStatus", "[]");
    assertThat(status.get("chainId").asText()).isEqualTo("0x539");
    assertThat(status.get("height").asText()).isEqualTo("0x3");
    assertThat(status.get("headHash").asText()).isEqualTo(LEDGER.chain.committed(3).hash().toHex());
    assertThat(status.get("validators"))
        .hasSize(4)
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(LEDGER.chain.validators().stream().map(Address::toHex).toList());
    assertThat(status.get("isValidator").asBoolean()).isTrue();
    assertThat(status.get("peers").asText()).isEqualTo("0x1");
    assertThat(status.get("syncing").asBoolean()).isFalse();
    assertThat(status.get("mempoolSize").asText()).isEqualTo("0x5");
    assertThat(status.get("round").asText()).isEqualTo("0x1");
  }

  @Test
  void everyMethodRefusesMalformedParams() {
    String alice = LEDGER.alice.toHex();
    Map<String, List<String>> cases =
        Map.of(
            "cbdc_getAccount", List.of("[]", "[\"0x12\"]", "[5]"),
            "cbdc_getAccountHistory",
                List.of(
                    "[]",
                    "[\"" + alice + "\", {\"limit\":0}]",
                    "[\"" + alice + "\", {\"limit\":1001}]",
                    "[\"" + alice + "\", {\"limit\":-1}]",
                    "[\"" + alice + "\", {\"fromBlock\":\"0x5\",\"toBlock\":\"0x4\"}]",
                    "[\"" + alice + "\", {\"fromBlock\":\"soon\"}]",
                    "[\"" + alice + "\", {\"cursor\":\"" + FakeLedgerIndex.BAD_CURSOR + "\"}]",
                    "[\"" + alice + "\", {\"colour\":\"blue\"}]",
                    "[\"" + alice + "\", []]"),
            "cbdc_getInvoice", List.of("[]", "[\"DE1/INV-1\"]"),
            "cbdc_getInvoices",
                List.of(
                    "[{\"status\":\"overdue\"}]",
                    "[{\"status\":4}]",
                    "[{\"seller\":\"0x12\"}]",
                    "[{\"fromDate\":5,\"toDate\":4}]",
                    "[{\"cursor\":\"" + FakeLedgerIndex.BAD_CURSOR + "\"}]"),
            "cbdc_getTaxSummary",
                List.of(
                    "[]",
                    "[{\"fromDate\":0,\"toDate\":1}]",
                    "[{\"seller\":\""
                        + alice
                        + "\",\"sellerTaxId\":\"X\",\"fromDate\":0,\"toDate\":1}]",
                    "[{\"sellerTaxId\":\"X\",\"toDate\":1}]",
                    "[{\"sellerTaxId\":\"X\",\"fromDate\":2,\"toDate\":1}]"),
            "cbdc_getRecords",
                List.of(
                    "[{\"kind\":\"0x12\"}]",
                    "[{\"cursor\":\"" + FakeLedgerIndex.BAD_CURSOR + "\"}]",
                    "[{\"limit\":\"100\"}]"),
            "cbdc_getFinalityProof", List.of("[]", "[\"0x1234\"]", "[null]"));
    cases.forEach(
        (method, paramsList) ->
            paramsList.forEach(
                params ->
                    assertThat(failure(method, params).code())
                        .as(method + " " + params)
                        .isEqualTo(-32602)));
  }

  @Test
  void anIndexRefusalCarriesTheIndexsDetail() {
    RpcException refusal =
        failure("cbdc_getRecords", "[{\"cursor\":\"" + FakeLedgerIndex.BAD_CURSOR + "\"}]");
    assertThat(refusal.getMessage()).isEqualTo("Invalid params");
    assertThat(refusal.data()).contains("malformed cursor");
  }
}
