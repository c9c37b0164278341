package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.auth.BearerTokenSigner;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.examples.AuthenticationExample;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.subscription.IncomingEvent;
import io.fiscus.client.subscription.IncomingSubscription;
import io.fiscus.client.tx.TransactionResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * The SDK against a real node generated with RPC authentication on: a client connected with its key
 * reads, pays and subscribes with tokens it makes and renews itself; without a key only the public
 * methods answer, and everything else is an {@link UnauthorizedException} with the node's reason.
 */
class AuthenticationIT {
  @RegisterExtension
  static final TestLedger.PerClass NODE = TestLedger.PerClass.withRpcAuthentication();

  private static TestLedger ledger;

  @BeforeAll
  static void useNode() {
    ledger = NODE.get();
  }

  @Test
  void aClientConnectedWithItsKeyReadsAndPays() {
    Credentials payer = ledger.newAccount(3, Amount.parse("50.00"));
    String merchant = ledger.address("merchant");

    try (FiscusClient client = FiscusClient.connect(ledger.node.rpcUrl(), payer)) {
      assertThat(client.nodeStatus().send().height()).isPositive();
      TransactionResult paid = client.token().transfer(merchant, Amount.parse("12.50")).send();

      assertThat(paid.event(LedgerEvent.Transfer.class)).isPresent();
      assertThat(client.token().balance(payer.getAddress()).send())
          .isEqualTo(Amount.parse("37.50"));
      assertThat(client.history().page(payer.getAddress(), HistoryQuery.all()).send().items())
          .isNotEmpty();
    }
  }

  @Test
  void withoutAKeyOnlyThePublicMethodsAnswer() {
    Fiscus anonymous = Fiscus.build(new HttpService(ledger.node.rpcUrl()));
    try {
      assertThat(Call.of(anonymous.ethChainId()).send().getChainId().longValueExact())
          .isEqualTo(ledger.network.chainId);

      assertThatThrownBy(
              () -> new TokenClient(anonymous).balance(ledger.address("merchant")).send())
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              refused -> {
                assertThat(refused.code()).isEqualTo(UnauthorizedException.UNAUTHORIZED);
                assertThat(refused.reason()).contains("Authorization: Bearer");
              });
      assertThatThrownBy(() -> Call.of(anonymous.cbdcGetSupply()).send())
          .isInstanceOf(UnauthorizedException.class);
    } finally {
      anonymous.shutdown();
    }
  }

  @Test
  void aTokenTheNodeRefusesIsAnUnauthorizedExceptionWithTheNodesReason() {
    Credentials bank = ledger.account("bank-a");
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    BearerTokenSource expired =
        new BearerTokenSource(
            new BearerTokenSigner(bank, ledger.network.chainId),
            Duration.ofMinutes(10),
            Optional.empty(),
            twoHoursAgo);

    try (FiscusClient client = FiscusClient.connect(ledger.node.rpcUrl(), bank, expired)) {
      assertThatThrownBy(() -> client.token().balance(bank.getAddress()).send())
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              refused -> assertThat(refused.reason()).contains("expired"));
      assertThatThrownBy(
              () -> client.token().transfer(ledger.address("merchant"), Amount.parse("1")).send())
          .isInstanceOf(UnauthorizedException.class);
    }
  }

  @Test
  void aClientWithAReasonSignsItIntoItsTokensAndStillReadsAndPays() {
    Credentials auditor = ledger.account("auditor");
    Credentials payer = ledger.newAccount(3, Amount.parse("5.00"));

    try (FiscusClient client = FiscusClient.connect(ledger.node.rpcUrl(), payer);
        FiscusClient looking =
            FiscusClient.connect(ledger.node.rpcUrl(), auditor).withReason("case 2026-114")) {
      assertThat(looking.tokens().orElseThrow().current().reason()).contains("case 2026-114");
      assertThat(looking.history().page(payer.getAddress(), HistoryQuery.all()).send().items())
          .isNotEmpty();
      assertThat(client.tokens().orElseThrow().current().reason()).isEmpty();
      client.token().transfer(ledger.address("merchant"), Amount.parse("1.00")).send();
    }
  }

  @Test
  void aSubscriptionKeepsDeliveringAcrossTokenRenewalsAndPastTheFirstTokensExpiry()
      throws Exception {
    Credentials customer = ledger.newAccount(3, Amount.ZERO);
    String me = customer.getAddress();
    TokenClient bank = ledger.client("bank-a").token();
    BearerTokenSource shortLived =
        new BearerTokenSource(
            new BearerTokenSigner(customer, ledger.network.chainId),
            Duration.ofSeconds(3),
            Optional.empty(),
            Clock.systemUTC());
    Instant firstTokenExpires = shortLived.current().expiresAt();
    BlockingQueue<IncomingEvent> received = new LinkedBlockingQueue<>();

    try (IncomingSubscription subscription =
        IncomingSubscription.start(
            URI.create(ledger.node.wsUrl()), me, OptionalLong.empty(), shortLived, received::add)) {
      await(subscription::isSubscribed, "subscribed");
      List<Amount> amounts = new ArrayList<>();
      bank.transfer(me, Amount.parse("1")).send();
      amounts.add(nextTransfer(received));

      await(
          () -> subscription.renewals() >= 2 && Instant.now().isAfter(firstTokenExpires),
          "two renewals, past the first token's expiry");
      await(subscription::isSubscribed, "subscribed again");
      bank.transfer(me, Amount.parse("2")).send();
      amounts.add(nextTransfer(received));

      assertThat(amounts).containsExactly(Amount.parse("1"), Amount.parse("2"));
      assertThat(received).isEmpty();
      assertThat(subscription.failure()).isEmpty();
    }
  }

  @Test
  void aSubscriptionWithoutATokenStopsWithTheNodesRefusal() throws Exception {
    try (IncomingSubscription subscription =
        IncomingSubscription.start(
            URI.create(ledger.node.wsUrl()),
            ledger.address("merchant"),
            OptionalLong.empty(),
            event -> {})) {
      await(() -> subscription.failure().isPresent(), "the refusal");

      assertThat(subscription.failure().orElseThrow())
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              refused -> assertThat(refused.reason()).contains("Authorization: Bearer"));
      assertThat(subscription.isSubscribed()).isFalse();
    }
  }

  @Test
  void theReadmeExamplesLookWithAReasonAndSubscribeWithTokens() throws Exception {
    Credentials customer = ledger.newAccount(3, Amount.parse("3.00"));

    assertThat(
            AuthenticationExample.lookForACase(
                ledger.node.rpcUrl(),
                ledger.account("auditor"),
                customer.getAddress(),
                "case 2026-114"))
        .isPositive();
    try (FiscusClient client = FiscusClient.connect(ledger.node.rpcUrl(), customer);
        IncomingSubscription subscription =
            AuthenticationExample.subscribe(client, ledger.node.wsUrl())) {
      await(subscription::isSubscribed, "subscribed");
    }
  }

  private static Amount nextTransfer(BlockingQueue<IncomingEvent> received)
      throws InterruptedException {
    IncomingEvent event = received.poll(30, TimeUnit.SECONDS);
    assertThat(event).as("an incoming transfer within 30 s").isNotNull();
    assertThat(event.event()).isInstanceOf(LedgerEvent.Transfer.class);
    return ((LedgerEvent.Transfer) event.event()).amount();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waiting for " + what).isNegative();
      Thread.sleep(50);
    }
  }
}
