package io.fiscus.client.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed bearer token (a compact JWT) and what it says.
 *
 * @param compact the token, {@code header.payload.signature} in base64url
 * @param subject the signing account's address
 * @param issuedAt its {@code iat}, whole seconds
 * @param expiresAt its {@code exp}, whole seconds
 * @param reason its {@code reason} claim, if any
 */
public record BearerToken(
    String compact, String subject, Instant issuedAt, Instant expiresAt, Optional<String> reason) {
  /** Checks the parts are present. */
  public BearerToken {
    Objects.requireNonNull(compact, "compact");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The value of an {@code Authorization} header carrying this token.
   *
   * @return {@code Bearer <token>}
   */
  public String authorizationHeader() {
    return "Bearer " + compact;
  }

  /** The token is a credential: keep it out of logs. */
  @Override
  public String toString() {
    return "BearerToken[subject="
        + subject
        + ", expiresAt="
        + expiresAt
        + ", reason="
        + reason
        + "]";
  }
}
