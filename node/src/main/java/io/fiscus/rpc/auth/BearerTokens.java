package io.fiscus.rpc.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Verifies the JSON Web Tokens callers sign with their account key: ES256K (RFC 8812: ECDSA on
 * secp256k1 over the SHA-256 of {@code header.payload}, the signature the 64 bytes {@code r ‖ s}),
 * with claims {@code sub} (the caller's address), {@code iat}, {@code exp}, {@code chainId} and an
 * optional {@code reason}.
 *
 * <p>The token carries no public key: the signer is recovered from the signature (trying both
 * recovery ids) and must be the {@code sub} address, so no key registry is needed beyond the
 * accounts themselves. A token lives at most an hour, may not be dated in the future beyond a small
 * clock skew, and names this chain, so one leaked from another network or kept for later is
 * useless.
 */
public final class BearerTokens {
  /** Longest token accepted, so a huge header costs nothing to refuse. */
  public static final int TOKEN_CHARS_MAX = 4_096;

  /** A token may not expire more than an hour after it is checked. */
  public static final long LIFETIME_SECONDS_MAX = 3_600;

  /** Clocks of callers and nodes differ by this much without consequence. */
  public static final long CLOCK_SKEW_SECONDS = 60;

  /** Longest {@code reason} claim (a case number, a short justification). */
  public static final int REASON_CHARS_MAX = 256;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final long chainId;
  private final LongSupplier clockMillis;
  private final SignatureRecovery recovery;
  private final ObjectMapper mapper = new ObjectMapper();

  public BearerTokens(long chainId, LongSupplier clockMillis, SignatureRecovery recovery) {
    this.chainId = chainId;
    this.clockMillis = clockMillis;
    this.recovery = recovery;
  }

  /** Checks an {@code Authorization} header value ({@code Bearer <token>}). */
  public Caller verifyHeader(String authorization) throws AuthenticationException {
    String prefix = "Bearer ";
    if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new AuthenticationException("the Authorization header must be \"Bearer <JWT>\"");
    }
    return verify(authorization.substring(prefix.length()).trim());
  }

  /** Checks a token and returns the caller it proves. */
  public Caller verify(String token) throws AuthenticationException {
    if (token.length() > TOKEN_CHARS_MAX) {
      throw new AuthenticationException("token longer than " + TOKEN_CHARS_MAX + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new AuthenticationException("a JWT has three dot-separated parts");
    }
    JsonNode header = json(parts[0], "header");
    if (!"ES256K".equals(header.path("alg").asText())) {
      throw new AuthenticationException("alg must be ES256K");
    }
    JsonNode claims = json(parts[1], "payload");
    Address subject = subject(claims);
    long expiresAt = checkTimes(claims);
    checkChain(claims);
    Optional<String> reason = reason(claims);
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    checkSignature(sha256(signingInput), decode(parts[2], "signature"), subject);
    return new Caller(subject, expiresAt, reason);
  }

  private JsonNode json(String part, String name) throws AuthenticationException {
    try {
      JsonNode node = mapper.readTree(decode(part, name));
      if (node == null || !node.isObject()) {
        throw new AuthenticationException("the token's " + name + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new AuthenticationException("the token's " + name + " is not valid JSON");
    }
  }

  private static byte[] decode(String part, String name) throws AuthenticationException {
    try {
      return BASE64URL.decode(part);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("the token's " + name + " is not base64url");
    }
  }

  private static Address subject(JsonNode claims) throws AuthenticationException {
    String sub = claims.path("sub").asText("");
    if (!ADDRESS.matcher(sub).matches()) {
      throw new AuthenticationException("sub must be the caller's 0x-prefixed address");
    }
    return Address.fromHex(sub);
  }

  private long checkTimes(JsonNode claims) throws AuthenticationException {
    long now = clockMillis.getAsLong() / 1_000;
    long issuedAt = seconds(claims, "iat");
    long expiresAt = seconds(claims, "exp");
    if (issuedAt > now + CLOCK_SKEW_SECONDS) {
      throw new AuthenticationException("the token is issued in the future (iat)");
    }
    if (expiresAt <= now) {
      throw new AuthenticationException("the token has expired (exp)");
    }
    if (expiresAt > now + LIFETIME_SECONDS_MAX + CLOCK_SKEW_SECONDS) {
      throw new AuthenticationException("exp may be at most one hour ahead");
    }
    return expiresAt;
  }

  private static long seconds(JsonNode claims, String name) throws AuthenticationException {
    JsonNode value = claims.get(name);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new AuthenticationException(name + " must be a number of seconds since the epoch");
    }
    return value.longValue();
  }

  private void checkChain(JsonNode claims) throws AuthenticationException {
    JsonNode value = claims.get("chainId");
    if (value == null || !value.isIntegralNumber() || value.longValue() != chainId) {
      throw new AuthenticationException("chainId must be this chain's id, " + chainId);
    }
  }

  private static Optional<String> reason(JsonNode claims) throws AuthenticationException {
    JsonNode value = claims.get("reason");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new AuthenticationException("reason must be a non-empty string");
    }
    if (value.asText().length() > REASON_CHARS_MAX) {
      throw new AuthenticationException("reason longer than " + REASON_CHARS_MAX + " characters");
    }
    return Optional.of(value.asText());
  }

  private void checkSignature(Hash digest, byte[] rs, Address subject)
      throws AuthenticationException {
    if (rs.length != 64) {
      throw new AuthenticationException("an ES256K signature has 64 bytes (r ‖ s)");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    for (int recoveryId = 0; recoveryId <= 1; recoveryId++) {
      Optional<Bytes> publicKey;
      try {
        publicKey = recovery.recoverPublicKey(digest, new Signature(r, lowS(s), recoveryId));
      } catch (IllegalArgumentException e) {
        throw new AuthenticationException("the signature's r or s is out of range");
      }
      if (publicKey.isPresent() && Address.fromPublicKey(publicKey.get()).equals(subject)) {
        return;
      }
    }
    throw new AuthenticationException("the token is not signed by the key of its sub");
  }

  /**
   * ECDSA accepts (r, s) and (r, n − s) alike, and JWT libraries do not all normalize s; the mirror
   * only swaps which recovery id finds the key, and both are tried.
   */
  private static BigInteger lowS(BigInteger s) {
    return s.compareTo(Signature.HALF_CURVE_ORDER) > 0 ? Signature.CURVE_ORDER.subtract(s) : s;
  }

  private static Hash sha256(byte[] input) {
    try {
      return Hash.wrap(MessageDigest.getInstance("SHA-256").digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
