package io.fiscus.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RpcAuthenticationTest {
  private static final long NOW_MILLIS = 1_800_000_000_000L;
  private static final Caller CALLER =
      new Caller(
          Address.fromHex("0x" + "ab".repeat(20)), NOW_MILLIS / 1_000 + 60, Optional.empty());

  private final RpcAuthentication required =
      RpcAuthentication.required(
          new BearerTokens(1337, () -> NOW_MILLIS, Secp256k1.recovery()),
          Set.of("eth_chainId"),
          () -> NOW_MILLIS);

  @Test
  void withAuthenticationOffEveryoneIsServedAndHeadersAreIgnored() {
    RpcAuthentication off = RpcAuthentication.disabled();

    RpcAccess access = off.identify(Optional.of("Bearer garbage"));

    assertThat(access).isEqualTo(RpcAccess.ANONYMOUS);
    assertThat(off.refusal(access, "cbdc_getAccount")).isEmpty();
  }

  @Test
  void anAnonymousCallerGetsOnlyThePublicMethods() {
    RpcAccess access = required.identify(Optional.empty());

    assertThat(required.refusal(access, "eth_chainId")).isEmpty();
    assertThat(required.refusal(access, "cbdc_getAccount"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("Bearer"));
  }

  @Test
  void aRefusedTokenRefusesEvenThePublicMethods() {
    RpcAccess access = required.identify(Optional.of("Bearer a.b"));

    assertThat(access).isInstanceOf(RpcAccess.Refused.class);
    assertThat(required.refusal(access, "eth_chainId")).isPresent();
  }

  @Test
  void anAuthenticatedCallerIsServedUntilTheTokenExpires() {
    RpcAccess access = new RpcAccess.Authenticated(CALLER);
    RpcAuthentication later =
        RpcAuthentication.required(
            new BearerTokens(1337, () -> NOW_MILLIS, Secp256k1.recovery()),
            Set.of(),
            () -> NOW_MILLIS + 61_000);

    assertThat(required.refusal(access, "cbdc_getAccount")).isEmpty();
    assertThat(later.refusal(access, "cbdc_getAccount"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("expired"));
  }
}
