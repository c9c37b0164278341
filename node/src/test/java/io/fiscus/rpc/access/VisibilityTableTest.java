package io.fiscus.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.rpc.RpcException;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.types.Address;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The visibility table (ADR 0020) as role × method × owner → allowed / recorded / forbidden, each
 * row driving the node's real method over a real chain and index.
 */
class VisibilityTableTest {
  static final VisibilityFixture FIXTURE = new VisibilityFixture();
  static final LedgerScenario L = FIXTURE.ledger;
  static final String REASON = "case 2026-117";

  enum Outcome {
    ALLOWED,
    RECORDED,
    FORBIDDEN,
    /** Served as an empty list: a list is cut to what the caller sees, never refused. */
    HIDDEN
  }

  static final Map<String, Address> ACTORS =
      Map.of(
          "alice", L.alice,
          "shop", L.shop,
          "carol", L.carol,
          "bank", L.bank,
          "otherBank", L.otherBank,
          "centralBank", L.centralBank,
          "taxAuthority", L.taxAuthority,
          "auditor", L.auditor);

  /** A row's params with the scenario's values in place of {@code {alice}}, {@code {shop}}, ... */
  static String fill(String template) {
    return template
        .replace("{alice}", L.alice.toHex())
        .replace("{aliceWord}", "0".repeat(24) + L.alice.toHex().substring(2))
        .replace("{shop}", L.shop.toHex())
        .replace("{invoiceId}", L.invoiceId.toHex())
        .replace("{invoiceIdWord}", L.invoiceId.toHex().substring(2))
        .replace("{paysAlice}", L.bankPaysAlice.hash().toHex())
        .replace("{paysInvoice}", L.alicePaysInvoice.hash().toHex())
        .replace("{token}", SystemAddresses.TOKEN.toHex())
        .replace("{taxInvoices}", SystemAddresses.TAX_INVOICES.toHex())
        .replace("{registry}", SystemAddresses.REGISTRY.toHex())
        .replace("{getInvoice}", selector("getInvoice(bytes32)"))
        .replace("{tierLimits}", selector("tierLimits(uint8)"));
  }

  private static String selector(String signature) {
    return AbiSignatures.selectorBytes(AbiSignatures.selector(signature)).toHex();
  }

  /** {@code balanceOf(alice)} and {@code getInvoice(id)} as eth_call data. */
  static final String BALANCE_OF_ALICE =
      "[{\"to\":\"{token}\",\"data\":\"0x70a08231{aliceWord}\"}]";

  /** A public view called as Web3j calls views: {@code from} the zero address, "no sender". */
  static final String TIER_LIMITS_FROM_NO_ONE =
      "[{\"from\":\"0x0000000000000000000000000000000000000000\",\"to\":\"{registry}\","
          + "\"data\":\"{tierLimits}"
          + "0".repeat(63)
          + "1\"}]";

  static final String GET_INVOICE =
      "[{\"to\":\"{taxInvoices}\",\"data\":\"{getInvoice}{invoiceIdWord}\"}]";

  static Stream<Arguments> rows() {
    return Stream.of(
            // An account sees its own history; its bank too; nobody else without a record.
            rows(
                "cbdc_getAccountHistory",
                "[\"{alice}\"]",
                allowed("alice", "bank"),
                forbidden("otherBank", "shop", "carol", "taxAuthority"),
                recorded("auditor", "centralBank")),
            rows(
                "cbdc_getAccount",
                "[\"{alice}\"]",
                allowed("alice", "bank", "centralBank"),
                forbidden("otherBank", "shop", "taxAuthority"),
                recorded("auditor")),
            // An invoice: its seller and buyer (and their bank); the tax authority and the auditor
            // leave a record when they name one invoice or one taxpayer.
            rows(
                "cbdc_getInvoice",
                "[\"{invoiceId}\"]",
                allowed("shop", "alice", "bank"),
                forbidden("otherBank", "carol", "centralBank"),
                recorded("auditor", "taxAuthority")),
            rows(
                "cbdc_getInvoices",
                "[{\"seller\":\"{shop}\"}]",
                allowed("shop", "bank", "alice"),
                hidden("otherBank", "carol", "centralBank"),
                recorded("auditor", "taxAuthority")),
            // A period's invoices, naming no one: the tax authority's VAT work, not recorded.
            rows(
                "cbdc_getInvoices",
                "[{\"fromDate\":\"0x0\",\"toDate\":\"0xffffffff\"}]",
                allowed("taxAuthority", "shop", "alice"),
                hidden("otherBank", "carol", "centralBank")),
            rows(
                "cbdc_getTaxSummary",
                "[{\"seller\":\"{shop}\",\"fromDate\":\"0x0\",\"toDate\":\"0xffffffff\"}]",
                allowed("shop", "bank"),
                forbidden("alice", "otherBank", "centralBank"),
                recorded("auditor", "taxAuthority")),
            rows(
                "cbdc_getTaxSummary",
                "[{\"sellerTaxId\":\"XX999\",\"fromDate\":\"0x0\",\"toDate\":\"0x1\"}]",
                allowed("taxAuthority"),
                forbidden("shop", "auditor", "centralBank")),
            rows(
                "cbdc_getRecords",
                "[{\"submitter\":\"{alice}\"}]",
                allowed("alice", "bank"),
                hidden("otherBank", "shop", "taxAuthority"),
                recorded("auditor", "centralBank")),
            rows(
                "cbdc_getSupply",
                "[]",
                allowed("centralBank"),
                forbidden("bank", "alice", "auditor", "taxAuthority")),
            rows(
                "cbdc_getAccessLog",
                "[\"{alice}\"]",
                allowed("alice", "bank"),
                forbidden("otherBank", "auditor", "taxAuthority", "shop"),
                recorded("centralBank")),
            // A plain transfer: its parties and their banks; not the tax authority.
            rows(
                "eth_getTransactionByHash",
                "[\"{paysAlice}\"]",
                allowed("alice", "bank"),
                forbidden("otherBank", "shop", "taxAuthority"),
                recorded("auditor", "centralBank")),
            rows(
                "eth_getTransactionReceipt",
                "[\"{paysAlice}\"]",
                allowed("alice", "bank"),
                forbidden("otherBank", "carol", "taxAuthority"),
                recorded("auditor")),
            rows(
                "cbdc_getFinalityProof",
                "[\"{paysAlice}\"]",
                allowed("alice", "bank"),
                forbidden("otherBank", "taxAuthority"),
                recorded("auditor")),
            // An invoice payment: the tax authority sees it.
            rows(
                "eth_getTransactionByHash",
                "[\"{paysInvoice}\"]",
                allowed("alice", "shop", "bank", "taxAuthority"),
                forbidden("otherBank", "carol")),
            rows(
                "eth_call",
                BALANCE_OF_ALICE,
                allowed("alice", "bank", "centralBank"),
                forbidden("otherBank", "shop", "taxAuthority"),
                recorded("auditor")),
            rows(
                "eth_call",
                GET_INVOICE,
                allowed("shop", "alice"),
                forbidden("otherBank", "centralBank"),
                recorded("auditor", "taxAuthority")),
            rows(
                "eth_call",
                TIER_LIMITS_FROM_NO_ONE,
                allowed("alice", "otherBank", "shop", "taxAuthority", "auditor", "centralBank")),
            rows(
                "eth_getBalance",
                "[\"{alice}\", \"latest\"]",
                allowed("alice", "bank"),
                forbidden("otherBank")),
            rows(
                "eth_getProof",
                "[\"{alice}\", [], \"latest\"]",
                allowed("alice", "bank"),
                forbidden("otherBank")),
            rows(
                "eth_getProof",
                "[\"{token}\", [\"0x" + "0".repeat(64) + "\"], \"latest\"]",
                forbidden("centralBank", "alice", "bank", "auditor")))
        .flatMap(s -> s);
  }

  private static Stream<Arguments> rows(String method, String params, Cell... cells) {
    String filled = fill(params);
    return Arrays.stream(cells)
        .flatMap(
            cell ->
                cell.viewers().stream()
                    .map(viewer -> Arguments.of(viewer, method, filled, cell.outcome())));
  }

  record Cell(Outcome outcome, List<String> viewers) {}

  static Cell allowed(String... viewers) {
    return new Cell(Outcome.ALLOWED, List.of(viewers));
  }

  static Cell forbidden(String... viewers) {
    return new Cell(Outcome.FORBIDDEN, List.of(viewers));
  }

  static Cell hidden(String... viewers) {
    return new Cell(Outcome.HIDDEN, List.of(viewers));
  }

  static Cell recorded(String... viewers) {
    return new Cell(Outcome.RECORDED, List.of(viewers));
  }

  @ParameterizedTest(name = "{0} calling {1} {2} is {3}")
  @MethodSource("rows")
  void theTableDecidesEveryLook(String viewer, String method, String params, Outcome outcome) {
    Address caller = ACTORS.get(viewer);
    FIXTURE.looks.clear();
    switch (outcome) {
      case ALLOWED -> {
        JsonNode answer = FIXTURE.call(caller, Optional.empty(), method, params);
        assertThat(answer.isNull()).as("%s sees an answer to %s", viewer, method).isFalse();
        if (answer.has("items")) {
          assertThat(answer.get("items")).as("%s sees items of %s", viewer, method).isNotEmpty();
        }
        assertThat(FIXTURE.looks).isEmpty();
      }
      case HIDDEN -> {
        JsonNode answer = FIXTURE.call(caller, Optional.of(REASON), method, params);
        assertThat(answer.path("items")).isEmpty();
        assertThat(FIXTURE.looks).isEmpty();
      }
      case FORBIDDEN -> {
        RpcException refused = refusal(caller, Optional.of(REASON), method, params);
        assertThat(refused.code()).isEqualTo(RpcException.FORBIDDEN);
        assertThat(refused.getMessage()).isEqualTo("Forbidden");
        assertThat(refused.data().orElseThrow().toString()).contains("not visible");
        assertThat(FIXTURE.looks).isEmpty();
      }
      case RECORDED -> {
        RpcException refused = refusal(caller, Optional.empty(), method, params);
        assertThat(refused.code()).isEqualTo(RpcException.FORBIDDEN);
        assertThat(refused.data().orElseThrow().toString()).contains("a reason is required");
        assertThat(FIXTURE.looks).isEmpty();

        FIXTURE.call(caller, Optional.of(REASON), method, params);

        assertThat(FIXTURE.looks)
            .isNotEmpty()
            .allSatisfy(
                look -> {
                  assertThat(look.viewer()).isEqualTo(caller);
                  assertThat(look.method()).isEqualTo(method);
                  assertThat(look.reason()).isEqualTo(REASON);
                  assertThat(look.atSeconds()).isEqualTo(VisibilityFixture.NOW_SECONDS);
                  assertThat(look.subject()).isNotEqualTo(caller);
                });
      }
    }
  }

  @Test
  void aMalformedLookIsRefusedAsSuchAndLeavesNoRecord() {
    FIXTURE.looks.clear();

    RpcException refused =
        refusal(
            ACTORS.get("auditor"),
            Optional.of(REASON),
            "cbdc_getAccountHistory",
            fill("[\"{alice}\", {\"limit\": \"many\"}]"));

    assertThat(refused.code()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(FIXTURE.looks).isEmpty();
  }

  private static RpcException refusal(
      Address caller, Optional<String> reason, String method, String params) {
    try {
      FIXTURE.call(caller, reason, method, params);
    } catch (RpcException refused) {
      return refused;
    }
    throw new AssertionError(method + " " + params + " was not refused");
  }
}
