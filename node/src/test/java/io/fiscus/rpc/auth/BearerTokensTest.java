package io.fiscus.rpc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  private static final long CHAIN_ID = 1337;
  private static final long NOW = 1_800_000_000L;
  private static final PrivateKey KEY = PrivateKey.fromHex("0x" + "11".repeat(32));
  private static final PrivateKey OTHER_KEY = PrivateKey.fromHex("0x" + "22".repeat(32));
  private static final Address CALLER = Secp256k1.address(KEY);
  private static final String ES256K = "{\"alg\":\"ES256K\",\"typ\":\"JWT\"}";

  private final BearerTokens tokens =
      new BearerTokens(CHAIN_ID, () -> NOW * 1_000, Secp256k1.recovery());

  @Test
  void aTokenSignedByItsSubjectNamesTheCaller() throws AuthenticationException {
    Caller caller = tokens.verify(token(ES256K, claims(NOW, NOW + 600, CHAIN_ID), KEY));

    assertThat(caller.address()).isEqualTo(CALLER);
    assertThat(caller.expiresAtSeconds()).isEqualTo(NOW + 600);
    assertThat(caller.reason()).isEmpty();
  }

  @Test
  void theReasonClaimIsCarried() throws AuthenticationException {
    String claims =
        "{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"chainId\":%d,\"reason\":\"case 2026-114\"}"
            .formatted(CALLER.toHex(), NOW, NOW + 60, CHAIN_ID);

    assertThat(tokens.verifyHeader("Bearer " + token(ES256K, claims, KEY)).reason())
        .isEqualTo(Optional.of("case 2026-114"));
  }

  @Test
  void aHighSSignatureIsAcceptedAsItsMirror() throws AuthenticationException {
    String header = base64(ES256K);
    String payload = base64(claims(NOW, NOW + 60, CHAIN_ID));
    Signature low = sign(header + "." + payload, KEY);
    Signature high = new Signature(low.r(), Signature.CURVE_ORDER.subtract(low.s()), 0);

    String token = header + "." + payload + "." + encode(high.compact());

    assertThat(tokens.verify(token).address()).isEqualTo(CALLER);
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertRefused(token(ES256K, claims(NOW - 600, NOW - 1, CHAIN_ID), KEY), "expired");
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() {
    assertRefused(token(ES256K, claims(NOW + 600, NOW + 900, CHAIN_ID), KEY), "future");
  }

  @Test
  void aTokenLivingLongerThanAnHourIsRefused() {
    assertRefused(token(ES256K, claims(NOW, NOW + 7_200, CHAIN_ID), KEY), "one hour");
  }

  @Test
  void aTokenForAnotherChainIsRefused() {
    assertRefused(token(ES256K, claims(NOW, NOW + 60, CHAIN_ID + 1), KEY), "chainId");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    assertRefused(token(ES256K, claims(NOW, NOW + 60, CHAIN_ID), OTHER_KEY), "not signed");
  }

  @Test
  void aTokenWithAnotherAlgorithmIsRefused() {
    assertRefused(token("{\"alg\":\"none\"}", claims(NOW, NOW + 60, CHAIN_ID), KEY), "ES256K");
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String token = token(ES256K, claims(NOW, NOW + 60, CHAIN_ID), KEY);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + base64(claims(NOW, NOW + 3_000, CHAIN_ID)) + "." + parts[2];

    assertRefused(forged, "not signed");
  }

  @Test
  void malformedTokensAreRefusedWithAReason() {
    assertRefused("abc", "three");
    assertRefused("a.b.c", "base64url");
    assertRefused(base64("[]") + ".e30.AA", "JSON object");
    assertRefused(base64(ES256K) + "." + base64("{\"sub\":\"me\"}") + ".AA", "sub");
    assertRefused("x".repeat(BearerTokens.TOKEN_CHARS_MAX + 1), "longer");
    String shortSignature =
        base64(ES256K) + "." + base64(claims(NOW, NOW + 60, CHAIN_ID)) + "." + encode(new byte[10]);
    assertRefused(shortSignature, "64 bytes");
  }

  @Test
  void theHeaderMustBeABearerToken() {
    assertThatThrownBy(() -> tokens.verifyHeader("Basic dXNlcjpwYXNz"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Bearer");
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining(reason);
  }

  private static String claims(long issuedAt, long expiresAt, long chainId) {
    return "{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"chainId\":%d}"
        .formatted(CALLER.toHex(), issuedAt, expiresAt, chainId);
  }

  /** Signs as an SDK would: ES256K over SHA-256 of the signing input, r ‖ s. */
  static String token(String header, String claims, PrivateKey key) {
    String signingInput = base64(header) + "." + base64(claims);
    return signingInput + "." + encode(sign(signingInput, key).compact());
  }

  private static Signature sign(String signingInput, PrivateKey key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(signingInput.getBytes(StandardCharsets.US_ASCII));
      return Secp256k1.signer().sign(Hash.wrap(digest), key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String json) {
    return encode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
