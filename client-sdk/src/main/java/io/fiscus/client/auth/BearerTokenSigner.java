package io.fiscus.client.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/**
 * Makes the bearer tokens a node with {@code --rpc-authentication-enabled} accepts (ADR 0019): a
 * JWT signed ES256K (RFC 8812: ECDSA on secp256k1 over the SHA-256 of {@code header.payload}, the
 * signature the 64 bytes {@code r ‖ s}) with the account's own key, with claims {@code sub} (the
 * address), {@code iat}, {@code exp}, {@code chainId} and an optional {@code reason}. The node
 * needs no registered key: it recovers the signer from the signature.
 *
 * <p>Stateless and thread-safe; {@link BearerTokenSource} caches and renews its tokens.
 */
public final class BearerTokenSigner {
  /** The node refuses tokens that expire more than an hour after it checks them. */
  public static final Duration LIFETIME_MAX = Duration.ofHours(1);

  /** The node refuses longer {@code reason} claims. */
  public static final int REASON_CHARS_MAX = 256;

  private static final String HEADER = "{\"alg\":\"ES256K\",\"typ\":\"JWT\"}";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Credentials credentials;
  private final long chainId;

  /**
   * A signer for one account on one chain.
   *
   * @param credentials the account's key
   * @param chainId the chain's id; a token names it, so it is useless on any other chain
   */
  public BearerTokenSigner(Credentials credentials, long chainId) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    if (chainId < 1) {
      throw new IllegalArgumentException("chain id must be positive, got " + chainId);
    }
    this.chainId = chainId;
  }

  /**
   * The signing account.
   *
   * @return its address, lower-case hex
   */
  public String address() {
    return credentials.getAddress();
  }

  /**
   * The chain the tokens are for.
   *
   * @return its id
   */
  public long chainId() {
    return chainId;
  }

  /**
   * Signs a token.
   *
   * @param issuedAt its {@code iat} (truncated to seconds)
   * @param lifetime how long it is valid: positive, at most {@link #LIFETIME_MAX}, whole seconds
   * @param reason a {@code reason} claim (e.g. a case number), non-blank and at most {@link
   *     #REASON_CHARS_MAX} characters
   * @return the token
   * @throws IllegalArgumentException for a lifetime or reason the node would refuse
   */
  public BearerToken sign(Instant issuedAt, Duration lifetime, Optional<String> reason) {
    checkLifetime(lifetime);
    reason.ifPresent(BearerTokenSigner::checkReason);
    long iat = issuedAt.getEpochSecond();
    long exp = iat + lifetime.toSeconds();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("sub", address());
    claims.put("iat", iat);
    claims.put("exp", exp);
    claims.put("chainId", chainId);
    reason.ifPresent(text -> claims.put("reason", text));
    String signingInput = encode(HEADER) + "." + encode(claims.toString());
    Sign.SignatureData signature =
        Sign.signMessage(sha256(signingInput), credentials.getEcKeyPair(), false);
    byte[] rs = new byte[64];
    System.arraycopy(signature.getR(), 0, rs, 0, 32);
    System.arraycopy(signature.getS(), 0, rs, 32, 32);
    return new BearerToken(
        signingInput + "." + BASE64URL.encodeToString(rs),
        address(),
        Instant.ofEpochSecond(iat),
        Instant.ofEpochSecond(exp),
        reason);
  }

  /**
   * Checks a token lifetime the node would accept.
   *
   * @param lifetime the lifetime
   * @throws IllegalArgumentException if it is not whole seconds in 1 s .. 1 h
   */
  static void checkLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0
        || lifetime.compareTo(LIFETIME_MAX) > 0
        || lifetime.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "a token lifetime is whole seconds from 1 s to 1 h, not " + lifetime);
    }
  }

  /**
   * Checks a {@code reason} claim the node would accept.
   *
   * @param reason the reason
   * @throws IllegalArgumentException if it is blank or too long
   */
  static void checkReason(String reason) {
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a reason must not be blank");
    }
    if (reason.length() > REASON_CHARS_MAX) {
      throw new IllegalArgumentException(
          "a reason has at most " + REASON_CHARS_MAX + " characters, not " + reason.length());
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String signingInput) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
