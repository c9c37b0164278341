package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.subscription.IncomingEvent;
import io.fiscus.client.subscription.IncomingSubscription;
import io.fiscus.client.tx.TransactionResult;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

/** The WebSocket subscription to an account's incoming events, across a node restart. */
class SubscriptionIT {
  @RegisterExtension static final TestLedger.PerClass NODE = new TestLedger.PerClass();
  private static TestLedger ledger;

  @BeforeAll
  static void useNode() {
    ledger = NODE.get();
  }

  @Test
  void incomingPaymentsAndInvoicesArriveOnceEachAcrossANodeRestart() throws Exception {
    Credentials customer = ledger.newAccount(3, Amount.ZERO);
    String me = customer.getAddress();
    TokenClient bank = ledger.client("bank-a").token();
    TransactionResult before = bank.transfer(me, Amount.parse("1")).send();
    BlockingQueue<IncomingEvent> received = new LinkedBlockingQueue<>();

    try (IncomingSubscription subscription =
        IncomingSubscription.start(
            URI.create(ledger.node.wsUrl()),
            me,
            OptionalLong.of(before.blockNumber()),
            received::add)) {
      List<LedgerEvent> events = new ArrayList<>();
      events.add(next(received));
      bank.transfer(me, Amount.parse("2")).send();
      events.add(next(received));
      ledger
          .client("merchant")
          .invoices()
          .issue(
              InvoiceDraft.of(
                  "SUB-1",
                  Optional.of(me),
                  LocalDate.of(2026, 1, 5),
                  Amount.parse("10"),
                  1000,
                  new byte[] {42}))
          .send();
      events.add(next(received));
      ledger
          .client("bank-b")
          .token()
          .transfer(ledger.address("merchant"), Amount.parse("9"))
          .send();

      ledger.node.stop();
      ledger.node.start();
      ledger.node.awaitServing(Duration.ofSeconds(90));
      bank.transfer(me, Amount.parse("3")).send();
      events.add(next(received));

      String bankA = ledger.address("bank-a");
      assertThat(events.get(0)).isEqualTo(new LedgerEvent.Transfer(bankA, me, Amount.parse("1")));
      assertThat(events.get(1)).isEqualTo(new LedgerEvent.Transfer(bankA, me, Amount.parse("2")));
      assertThat(events.get(2))
          .isInstanceOfSatisfying(
              LedgerEvent.InvoiceIssued.class, issued -> assertThat(issued.buyer()).isEqualTo(me));
      assertThat(events.get(3)).isEqualTo(new LedgerEvent.Transfer(bankA, me, Amount.parse("3")));
      assertThat(subscription.reconnects()).isPositive();
      assertThat(subscription.failure()).isEmpty();
    }
  }

  private static LedgerEvent next(BlockingQueue<IncomingEvent> received)
      throws InterruptedException {
    IncomingEvent event = received.poll(60, TimeUnit.SECONDS);
    assertThat(event).as("an incoming event within a minute").isNotNull();
    return event.event();
  }
}
