package io.fiscus.rpc.cbdc;

import static io.fiscus.testchain.LedgerScenario.bytes32;
import static io.fiscus.testchain.LedgerScenario.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.index.StoredLedgerIndex;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.access.AccessLogRecords;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;

/** cbdc_getAccessLog reads the access-log records about one account from the records index. */
class AccessLogQueryTest {
  static final LedgerScenario LEDGER = new LedgerScenario();
  static final Map<String, RpcMethod> METHODS;
  static final long LOOK_BLOCK;

  static {
    // Block 4: the central bank's node records an auditor's look at Alice, and one at Bob.
    LEDGER.chain.append(List.of(look(LEDGER.alice, "case 1"), look(LEDGER.bob, "case 2")));
    LOOK_BLOCK = LEDGER.chain.chainStore().headNumber();
    var chain = LEDGER.chain.chainStore();
    METHODS =
        CbdcMethods.create(
            chain,
            new StoredLedgerIndex(LEDGER.store, chain::latestState),
            new FakeTransactionPool(),
            new FakeConsensusControl(),
            Peers.NONE,
            LedgerScenario.CHAIN_ID);
  }

  private static io.fiscus.tx.SignedTransaction look(Address subject, String reason) {
    String payload =
        "{\"viewer\":\"%s\",\"subject\":\"%s\",\"method\":\"cbdc_getAccountHistory\",\"reason\":\"%s\",\"at\":1700000000}"
            .formatted(LEDGER.auditor.toHex(), subject.toHex(), reason);
    return LEDGER.send(
        LEDGER.centralBankKey,
        SystemAddresses.LEDGER_RECORDS,
        call(
            "record",
            bytes32(AccessLogRecords.KIND),
            bytes32(AccessLogRecords.key(subject)),
            new DynamicBytes(payload.getBytes(StandardCharsets.UTF_8))));
  }

  static JsonNode accessLog(String params) {
    return Params.parse(Params.write(METHODS.get("cbdc_getAccessLog").call(Params.of(params))));
  }

  @Test
  void anAccountsLogHoldsTheLooksAtItOnly() {
    JsonNode looks = accessLog("[\"" + LEDGER.alice.toHex() + "\"]");

    assertThat(looks).hasSize(1);
    JsonNode look = looks.get(0);
    assertThat(look.get("viewer").asText()).isEqualTo(LEDGER.auditor.toHex());
    assertThat(look.get("subject").asText()).isEqualTo(LEDGER.alice.toHex());
    assertThat(look.get("method").asText()).isEqualTo("cbdc_getAccountHistory");
    assertThat(look.get("reason").asText()).isEqualTo("case 1");
    assertThat(look.get("at").asLong()).isEqualTo(1_700_000_000L);
    assertThat(look.get("recordedBy").asText()).isEqualTo(LEDGER.centralBank.toHex());
    assertThat(look.get("blockNumber").asText()).isEqualTo("0x" + Long.toHexString(LOOK_BLOCK));
  }

  @Test
  void theBlockRangeBoundsTheLooks() {
    String alice = LEDGER.alice.toHex();
    String before = "0x" + Long.toHexString(LOOK_BLOCK - 1);
    assertThat(accessLog("[\"" + alice + "\", \"0x0\", \"" + before + "\"]")).isEmpty();
    assertThat(accessLog("[\"" + alice + "\", \"latest\"]")).hasSize(1);
    assertThat(accessLog("[\"" + LEDGER.carol.toHex() + "\"]")).isEmpty();
  }
}
