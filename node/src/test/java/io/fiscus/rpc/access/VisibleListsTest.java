package io.fiscus.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.chain.ChainStore;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.eth.EthSubscriptions;
import io.fiscus.rpc.limits.ClientLimits;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.OwnerQuota;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Lists are cut to what each caller may see, item by item; nothing is recorded for them. */
class VisibleListsTest {
  static final VisibilityFixture FIXTURE = new VisibilityFixture();
  static final LedgerScenario L = FIXTURE.ledger;
  static final ChainStore CHAIN = L.chain.chainStore();
  static final String BANK_PAYS_ALICE = L.bankPaysAlice.hash().toHex();
  static final String MINT = CHAIN.transactions(1).get(1).hash().toHex();
  static final String INVOICE_ISSUED = L.shopInvoicesAlice.hash().toHex();
  static final String ALICE_RECORDS = CHAIN.transactions(2).get(1).hash().toHex();
  static final String INVOICE_PAID = L.alicePaysInvoice.hash().toHex();
  static final String BOB_OVERDRAWS = L.bobOverdraws.hash().toHex();

  static JsonNode call(Address caller, String method, String params) {
    FIXTURE.looks.clear();
    JsonNode answer = FIXTURE.call(caller, Optional.of("case 1"), method, params);
    assertThat(FIXTURE.looks).as("lists record nothing").isEmpty();
    return answer;
  }

  static Set<String> transactionsOfLogs(Address caller) {
    JsonNode logs = call(caller, "eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]");
    List<String> hashes = new ArrayList<>();
    logs.forEach(log -> hashes.add(log.get("transactionHash").asText()));
    return Set.copyOf(hashes);
  }

  @Test
  void eachCallerGetsTheLogsOfItsOwnAndItsCustomersTransactionsOnly() {
    assertThat(transactionsOfLogs(L.alice))
        .containsExactlyInAnyOrder(BANK_PAYS_ALICE, INVOICE_ISSUED, ALICE_RECORDS, INVOICE_PAID);
    assertThat(transactionsOfLogs(L.bank))
        .containsExactlyInAnyOrder(
            BANK_PAYS_ALICE, MINT, INVOICE_ISSUED, ALICE_RECORDS, INVOICE_PAID);
    assertThat(transactionsOfLogs(L.shop)).containsExactlyInAnyOrder(INVOICE_ISSUED, INVOICE_PAID);
    assertThat(transactionsOfLogs(L.centralBank)).containsExactly(MINT);
    assertThat(transactionsOfLogs(L.otherBank)).isEmpty();
    assertThat(transactionsOfLogs(L.auditor)).as("an auditor names whom it looks at").isEmpty();
  }

  @Test
  void theTaxAuthorityGetsInvoiceTransactionsButNotPlainTransfers() {
    assertThat(transactionsOfLogs(L.taxAuthority))
        .containsExactlyInAnyOrder(INVOICE_ISSUED, INVOICE_PAID);
    assertThat(transactionsOf(call(L.taxAuthority, "eth_getBlockByNumber", "[\"0x1\", false]")))
        .isEmpty();
  }

  @Test
  void aBlocksTransactionListKeepsTheVisibleOnes() {
    assertThat(transactionsOf(call(L.alice, "eth_getBlockByNumber", "[\"0x1\", false]")))
        .containsExactly(BANK_PAYS_ALICE);
    assertThat(transactionsOf(call(L.bank, "eth_getBlockByNumber", "[\"0x1\", false]")))
        .containsExactly(BANK_PAYS_ALICE, MINT);
    assertThat(transactionsOf(call(L.otherBank, "eth_getBlockByNumber", "[\"0x1\", false]")))
        .isEmpty();
    assertThat(transactionsOf(call(L.bank, "eth_getBlockByNumber", "[\"0x3\", true]")))
        .containsExactly(INVOICE_PAID, BOB_OVERDRAWS);
    JsonNode header = call(L.otherBank, "eth_getBlockByNumber", "[\"0x3\", false]");
    assertThat(header.get("hash").asText()).startsWith("0x");
  }

  @Test
  void blockReceiptsKeepTheVisibleOnes() {
    assertThat(receiptsOf(L.alice)).containsExactly(INVOICE_PAID);
    assertThat(receiptsOf(L.taxAuthority)).containsExactly(INVOICE_PAID);
    assertThat(receiptsOf(L.bank)).containsExactly(INVOICE_PAID, BOB_OVERDRAWS);
    assertThat(receiptsOf(L.otherBank)).isEmpty();
  }

  @Test
  void invoicePagesKeepTheCallersInvoices() {
    assertThat(call(L.alice, "cbdc_getInvoices", "[{}]").get("items")).hasSize(1);
    assertThat(call(L.shop, "cbdc_getInvoices", "[{}]").get("items")).hasSize(1);
    assertThat(call(L.taxAuthority, "cbdc_getInvoices", "[{}]").get("items")).hasSize(1);
    assertThat(call(L.otherBank, "cbdc_getInvoices", "[{}]").get("items")).isEmpty();
    assertThat(call(L.centralBank, "cbdc_getInvoices", "[{}]").get("items")).isEmpty();
  }

  @Test
  void aFilterReadByAnotherCallerShowsThatCallersShareOnly() {
    String id = call(L.bank, "eth_newFilter", "[{\"fromBlock\":\"0x0\"}]").asText();

    assertThat(call(L.bank, "eth_getFilterLogs", "[\"" + id + "\"]")).isNotEmpty();
    assertThat(call(L.otherBank, "eth_getFilterLogs", "[\"" + id + "\"]")).isEmpty();
  }

  @Test
  void subscribersGetTheLogsTheyMaySeeAndEveryHead() throws Exception {
    EthSubscriptions subscriptions =
        new EthSubscriptions(
            RpcLimits.defaults(),
            OwnerQuota.subscriptions(ClientLimits.defaults(), new NodeMetrics()));
    VisibleSubscriptions visible = new VisibleSubscriptions(subscriptions, FIXTURE.rules);
    subscriptions.start();
    try {
      Sink alice = subscribe(visible, L.alice);
      Sink otherBank = subscribe(visible, L.otherBank);

      subscriptions.onBlockCommitted(committed(3));
      subscriptions.onBlockCommitted(committed(1));

      await().until(() -> otherBank.heads().size() == 2 && alice.heads().size() == 2);
      assertThat(otherBank.logs()).isEmpty();
      await().until(() -> alice.logs().size() == 3);
      assertThat(alice.logs()).containsOnly(INVOICE_PAID, BANK_PAYS_ALICE);
      visible.connectionClosed(alice);
      visible.connectionClosed(otherBank);
      assertThat(subscriptions.size()).isZero();
    } finally {
      subscriptions.stop();
    }
  }

  private static Sink subscribe(VisibleSubscriptions visible, Address caller) {
    Sink sink = new Sink();
    RpcAccess access =
        new RpcAccess.Authenticated(new Caller(caller, Long.MAX_VALUE, Optional.empty()));
    Map<String, RpcMethod> methods =
        visible.connectionMethods(sink, access, new LimitKey.Caller(caller));
    for (String params : new String[] {"[\"newHeads\"]", "[\"logs\", {}]"}) {
      methods.get("eth_subscribe").call(new RpcParams(Params.parse(params), access));
    }
    return sink;
  }

  private static CommittedBlock committed(long number) {
    var block = CHAIN.block(number).orElseThrow();
    return new CommittedBlock(
        QbftBlockHashing.blockHash(block.header()),
        block,
        CHAIN.transactions(number),
        CHAIN.outcomes(number));
  }

  /** A connection that keeps every notification's result. */
  private static final class Sink implements SubscriptionSink {
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @Override
    public boolean push(String notification) {
      received.add(Params.parse(notification).path("params").path("result"));
      return true;
    }

    @Override
    public void close() {}

    List<JsonNode> heads() {
      return received.stream().filter(result -> result.has("miner")).toList();
    }

    List<String> logs() {
      return received.stream()
          .filter(result -> result.has("transactionHash"))
          .map(result -> result.get("transactionHash").asText())
          .toList();
    }
  }

  private static List<String> transactionsOf(JsonNode block) {
    List<String> hashes = new ArrayList<>();
    block
        .get("transactions")
        .forEach(tx -> hashes.add(tx.isTextual() ? tx.asText() : tx.get("hash").asText()));
    return hashes;
  }

  private static List<String> receiptsOf(Address caller) {
    List<String> hashes = new ArrayList<>();
    call(caller, "eth_getBlockReceipts", "[\"0x3\"]")
        .forEach(receipt -> hashes.add(receipt.get("transactionHash").asText()));
    return hashes;
  }
}
