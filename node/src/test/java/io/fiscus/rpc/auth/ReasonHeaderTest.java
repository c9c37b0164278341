package io.fiscus.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A look's reason comes from the token's signed claim, else from the X-Fiscus-Reason header. */
class ReasonHeaderTest {
  private static final long NOW = 1_800_000_000L;
  private static final PrivateKey KEY = PrivateKey.fromHex("0x" + "33".repeat(32));
  private static final Address CALLER = Secp256k1.address(KEY);
  private static final String ES256K = "{\"alg\":\"ES256K\",\"typ\":\"JWT\"}";

  private final RpcAuthentication required =
      RpcAuthentication.required(
          new BearerTokens(1337, () -> NOW * 1_000, Secp256k1.recovery()),
          Set.of(),
          () -> NOW * 1_000);

  private static String bearer(String reasonClaim) {
    String claims =
        "{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"chainId\":1337%s}"
            .formatted(
                CALLER.toHex(),
                NOW,
                NOW + 60,
                reasonClaim == null ? "" : ",\"reason\":\"" + reasonClaim + "\"");
    return "Bearer " + BearerTokensTest.token(ES256K, claims, KEY);
  }

  private Optional<String> reason(String token, Optional<String> header) {
    RpcAccess access = required.identify(Optional.of(token), header);
    assertThat(access).isInstanceOf(RpcAccess.Authenticated.class);
    return ((RpcAccess.Authenticated) access).caller().reason();
  }

  @Test
  void theHeaderGivesTheReasonWhenTheTokenHasNone() {
    assertThat(reason(bearer(null), Optional.of(" case 7 "))).contains("case 7");
    assertThat(reason(bearer(null), Optional.of("  "))).isEmpty();
    assertThat(reason(bearer(null), Optional.empty())).isEmpty();
  }

  @Test
  void theSignedClaimWinsOverTheHeader() {
    assertThat(reason(bearer("case 1"), Optional.of("case 2"))).contains("case 1");
  }

  @Test
  void aHeaderWithoutATokenAuthenticatesNoOne() {
    assertThat(required.identify(Optional.empty(), Optional.of("case 3")))
        .isEqualTo(RpcAccess.ANONYMOUS);
  }
}
