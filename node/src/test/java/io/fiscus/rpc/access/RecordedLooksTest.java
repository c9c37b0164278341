package io.fiscus.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.types.Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A recorded look is recorded before its answer, once per account, and withheld if it fails. */
class RecordedLooksTest {
  static final VisibilityFixture FIXTURE = new VisibilityFixture();
  static final LedgerScenario L = FIXTURE.ledger;

  @Test
  void anInvoiceLookRecordsItsSellerAndItsBuyerOnce() {
    FIXTURE.looks.clear();

    FIXTURE.call(
        L.auditor, Optional.of("case 9"), "cbdc_getInvoice", "[\"" + L.invoiceId.toHex() + "\"]");

    assertThat(FIXTURE.looks).extracting(Look::subject).containsExactlyInAnyOrder(L.shop, L.alice);
  }

  @Test
  void whenTheLookCannotBeRecordedTheAnswerIsWithheld() {
    GuardedMethods rules =
        new GuardedMethods(
            L.chain.chainStore(),
            look -> {
              throw RpcException.forbidden("the access log cannot record looks: no quorum");
            },
            () -> 0L);
    RpcMethod history = rules.guard(FIXTURE.methods).get("cbdc_getAccountHistory");

    assertThatThrownBy(() -> history.call(params(L.auditor, "case 9", L.alice)))
        .isInstanceOfSatisfying(
            RpcException.class,
            refused -> {
              assertThat(refused.code()).isEqualTo(RpcException.FORBIDDEN);
              assertThat(refused.data().orElseThrow().toString()).contains("access log");
            });
  }

  @Test
  void theLookIsRecordedAfterTheReadAndBeforeTheAnswerIsReturned() {
    StringBuilder order = new StringBuilder();
    GuardedMethods rules =
        new GuardedMethods(L.chain.chainStore(), look -> order.append("recorded "), () -> 0L);
    RpcMethod real = FIXTURE.methods.get("cbdc_getAccountHistory");
    RpcMethod history =
        rules.guard(
            "cbdc_getAccountHistory",
            params -> {
              order.append("read ");
              return real.call(params);
            });

    history.call(params(L.auditor, "case 9", L.alice));
    order.append("returned");

    // Reading changes nothing; a read the method refuses as malformed must leave no record.
    assertThat(order).hasToString("read recorded returned");
  }

  @Test
  void aMethodTheRulesDoNotKnowIsRefusedToEveryone() {
    RpcMethod unknown = FIXTURE.rules.guard("debug_dumpState", params -> "everything");

    assertThatThrownBy(() -> unknown.call(params(L.centralBank, "case 9", L.alice)))
        .isInstanceOf(RpcException.class)
        .hasMessage("Forbidden");
  }

  @Test
  void anAnonymousCallerGetsOnlyPublicMethods() {
    RpcParams anonymous = new RpcParams(Params.parse("[\"" + L.alice.toHex() + "\"]"));

    assertThat(FIXTURE.methods.get("eth_chainId").call(new RpcParams(null))).isNotNull();
    assertThatThrownBy(() -> FIXTURE.methods.get("cbdc_getAccount").call(anonymous))
        .isInstanceOf(RpcException.class)
        .hasMessage("Forbidden");
  }

  @Test
  void everyMethodOfTheNodeIsClassified() {
    assertThat(MethodGuards.known()).containsAll(FIXTURE.methods.keySet());
  }

  private static RpcParams params(Address caller, String reason, Address subject) {
    return new RpcParams(
        Params.parse("[\"" + subject.toHex() + "\"]"),
        new RpcAccess.Authenticated(new Caller(caller, Long.MAX_VALUE, Optional.of(reason))));
  }
}
