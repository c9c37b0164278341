package io.fiscus.rpc.cbdc;

import static io.fiscus.testchain.LedgerScenario.bytes32;
import static io.fiscus.testchain.LedgerScenario.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.index.StoredLedgerIndex;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.access.AccessLogCodec;
import io.fiscus.rpc.access.Look;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.FakeTransactionPool;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
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
    // Block 4: the central bank records an auditor's look at Alice and one at Bob, and garbage of
    // the same kind about Carol.
    LEDGER.chain.append(
        List.of(
            look(LEDGER.alice, "case 1"),
            look(LEDGER.bob, "case 2"),
            record(LEDGER.carol, Bytes.fromHex("0xbadbad"))));
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
    return record(
        subject,
        AccessLogCodec.payload(
            new Look(LEDGER.auditor, subject, "cbdc_getAccountHistory", reason, 1_700_000_000L)));
  }

  private static io.fiscus.tx.SignedTransaction record(Address subject, Bytes payload) {
    return LEDGER.send(
        LEDGER.centralBankKey,
        SystemAddresses.LEDGER_RECORDS,
        call(
            "record",
            bytes32(AccessLogCodec.KIND),
            bytes32(AccessLogCodec.key(subject)),
            new DynamicBytes(payload.toArray())));
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
  void aRecordThatIsNotALookIsShownRaw() {
    JsonNode looks = accessLog("[\"" + LEDGER.carol.toHex() + "\"]");

    assertThat(looks).hasSize(1);
    assertThat(looks.get(0).get("payload").asText()).isEqualTo("0xbadbad");
    assertThat(looks.get(0).has("viewer")).isFalse();
  }

  @Test
  void theBlockRangeBoundsTheLooks() {
    String alice = LEDGER.alice.toHex();
    String before = "0x" + Long.toHexString(LOOK_BLOCK - 1);
    assertThat(accessLog("[\"" + alice + "\", \"0x0\", \"" + before + "\"]")).isEmpty();
    assertThat(accessLog("[\"" + alice + "\", \"latest\"]")).hasSize(1);
    assertThat(accessLog("[\"" + LEDGER.stranger.toHex() + "\"]")).isEmpty();
  }
}
