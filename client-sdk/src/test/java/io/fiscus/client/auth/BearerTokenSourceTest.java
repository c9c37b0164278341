package io.fiscus.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.Keys;
import io.fiscus.rpc.auth.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BearerTokenSourceTest {
  private static final long CHAIN_ID = 1337;
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  private final SettableClock clock = new SettableClock(START);
  private final BearerTokenSource tokens =
      new BearerTokenSource(
          new BearerTokenSigner(Keys.generate(), CHAIN_ID),
          Duration.ofMinutes(10),
          Optional.empty(),
          clock);

  @Test
  void theSameTokenServesUntilEightyPercentOfItsLife() {
    BearerToken first = tokens.current();

    clock.advance(Duration.ofMinutes(8).minusSeconds(1));
    assertThat(tokens.current()).isSameAs(first);
    assertThat(tokens.renewalDue(first)).isEqualTo(START.plus(Duration.ofMinutes(8)));

    clock.advance(Duration.ofSeconds(1));
    BearerToken renewed = tokens.current();
    assertThat(renewed).isNotSameAs(first);
    assertThat(renewed.issuedAt()).isEqualTo(START.plus(Duration.ofMinutes(8)));
    assertThat(renewed.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(18)));
  }

  @Test
  void everyTokenItHandsOutIsValidAtTheNodeWhenHandedOut() throws AuthenticationException {
    for (int minute = 0; minute < 60; minute++) {
      BearerToken token = tokens.current();
      NodeTokenCheck.verify(token.authorizationHeader(), CHAIN_ID, clock.instant());
      assertThat(Duration.between(clock.instant(), token.expiresAt()))
          .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void refreshReplacesTheTokenAtOnce() {
    BearerToken first = tokens.current();

    BearerToken fresh = tokens.refresh();

    assertThat(fresh).isNotSameAs(first);
    assertThat(tokens.current()).isSameAs(fresh);
  }

  @Test
  void aReasonScopedSourceSignsTheReasonAndLeavesTheOriginalWithout()
      throws AuthenticationException {
    BearerTokenSource scoped = tokens.withReason("case 2026-114");

    assertThat(
            NodeTokenCheck.verify(scoped.current().authorizationHeader(), CHAIN_ID, START).reason())
        .contains("case 2026-114");
    assertThat(tokens.current().reason()).isEmpty();
    assertThat(scoped.address()).isEqualTo(tokens.address());
  }

  @Test
  void concurrentCallersShareOneToken() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<BearerToken>> calls =
          IntStream.range(0, 64).mapToObj(i -> (Callable<BearerToken>) tokens::current).toList();
      List<BearerToken> seen =
          threads.invokeAll(calls).stream().map(BearerTokenSourceTest::get).toList();

      assertThat(seen).allSatisfy(token -> assertThat(token).isSameAs(seen.get(0)));
    } finally {
      threads.shutdownNow();
    }
  }

  private static BearerToken get(Future<BearerToken> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
