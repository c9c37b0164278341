package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionSender;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/** What {@link FiscusClient} refuses before it sends anything (the URL leads nowhere). */
class FiscusClientTest {
  private static final String NOWHERE = "http://127.0.0.1:9/";
  private static final Credentials BANK = Keys.generate();

  @Test
  void tokensOfAnotherAccountAreRefused() {
    BearerTokenSource someoneElses = BearerTokenSource.of(Keys.generate(), 1337);

    assertThatThrownBy(() -> FiscusClient.connect(NOWHERE, BANK, someoneElses))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not " + BANK.getAddress());
  }

  @Test
  void aReasonScopedClientSignsTheReasonAndActsAsTheSameAccount() {
    try (FiscusClient client =
            FiscusClient.connect(NOWHERE, BANK, BearerTokenSource.of(BANK, 1337));
        FiscusClient onCase = client.withReason("case 2026-114")) {
      assertThat(onCase.address()).isEqualTo(client.address());
      assertThat(onCase.sender()).isSameAs(client.sender());
      assertThat(onCase.tokens().orElseThrow().current().reason()).contains("case 2026-114");
      assertThat(client.tokens().orElseThrow().current().reason()).isEmpty();
      assertThatThrownBy(() -> client.withReason(" ")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aClientBuiltFromASenderHasNoTokensToScope() {
    Fiscus fiscus = Fiscus.build(new HttpService(NOWHERE));
    try (FiscusClient client =
        new FiscusClient(new TransactionSender(fiscus, BANK, 1337, new Tracker(fiscus)))) {
      assertThat(client.tokens()).isEmpty();
      assertThatThrownBy(() -> client.withReason("case 1"))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
