package io.fiscus.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.Keys;
import io.fiscus.rpc.auth.AuthenticationException;
import io.fiscus.rpc.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class BearerTokenSignerTest {
  private static final long CHAIN_ID = 1337;
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Credentials AUDITOR = Keys.generate();

  @Test
  void theNodeAcceptsItsTokenAsTheSigningAccount() throws AuthenticationException {
    BearerToken token =
        new BearerTokenSigner(AUDITOR, CHAIN_ID)
            .sign(NOW, Duration.ofMinutes(10), Optional.empty());

    Caller caller = NodeTokenCheck.verify(token.authorizationHeader(), CHAIN_ID, NOW);

    assertThat(caller.address().toHex()).isEqualToIgnoringCase(AUDITOR.getAddress());
    assertThat(caller.expiresAtSeconds()).isEqualTo(NOW.plusSeconds(600).getEpochSecond());
    assertThat(caller.reason()).isEmpty();
    assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    assertThat(token.subject()).isEqualTo(AUDITOR.getAddress());
  }

  @Property(tries = 50)
  void theNodeReadsAnyReasonExactlyAsSigned(
      @ForAll @NotBlank @StringLength(max = 256) String reason,
      @ForAll @IntRange(min = 1, max = 3600) int lifetimeSeconds)
      throws AuthenticationException {
    BearerToken token =
        new BearerTokenSigner(Keys.generate(), CHAIN_ID)
            .sign(NOW, Duration.ofSeconds(lifetimeSeconds), Optional.of(reason));

    assertThat(NodeTokenCheck.verify(token.authorizationHeader(), CHAIN_ID, NOW).reason())
        .contains(reason);
  }

  @Test
  void theNodeRefusesATokenForAnotherChainOrPastItsExpiry() {
    BearerToken token =
        new BearerTokenSigner(AUDITOR, CHAIN_ID).sign(NOW, Duration.ofMinutes(1), Optional.empty());

    assertThatThrownBy(() -> NodeTokenCheck.verify(token.authorizationHeader(), 1338, NOW))
        .hasMessageContaining("chainId");
    assertThatThrownBy(
            () -> NodeTokenCheck.verify(token.authorizationHeader(), CHAIN_ID, NOW.plusSeconds(60)))
        .hasMessageContaining("expired");
  }

  @Test
  void lifetimesAndReasonsTheNodeWouldRefuseAreRefusedBeforeSigning() {
    BearerTokenSigner signer = new BearerTokenSigner(AUDITOR, CHAIN_ID);

    assertThatThrownBy(() -> signer.sign(NOW, Duration.ofMinutes(61), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 h");
    assertThatThrownBy(() -> signer.sign(NOW, Duration.ZERO, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signer.sign(NOW, Duration.ofMillis(1500), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signer.sign(NOW, Duration.ofMinutes(1), Optional.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> signer.sign(NOW, Duration.ofMinutes(1), Optional.of("x".repeat(257))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256");
    assertThatThrownBy(() -> new BearerTokenSigner(AUDITOR, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenDoesNotShowItselfInLogs() {
    BearerToken token =
        new BearerTokenSigner(AUDITOR, CHAIN_ID).sign(NOW, Duration.ofMinutes(1), Optional.empty());

    assertThat(token.toString()).doesNotContain(token.compact()).contains(AUDITOR.getAddress());
  }
}
