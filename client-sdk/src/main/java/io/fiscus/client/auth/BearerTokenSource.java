package io.fiscus.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * The current bearer token of one account, replaced by a fresh one once {@link #RENEW_AT_PERCENT}
 * of its life has passed, so a request never leaves with a token about to expire and a clock a
 * little behind the node's does no harm. Signing costs a fraction of a millisecond; the cache only
 * keeps every request from paying it. Thread-safe: concurrent requests share one token.
 */
public final class BearerTokenSource {
  /** Long enough that renewals are rare, short enough that a leaked token soon expires. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

  /** A token is replaced once this share of its lifetime has passed. */
  public static final int RENEW_AT_PERCENT = 80;

  private final BearerTokenSigner signer;
  private final Duration lifetime;
  private final Optional<String> reason;
  private final Clock clock;
  private BearerToken current;

  /**
   * A source of tokens.
   *
   * @param signer signs them
   * @param lifetime each token's lifetime, whole seconds from 1 s to 1 h
   * @param reason the {@code reason} claim of every token, if any
   * @param clock tells the time of issue and of renewal
   * @throws IllegalArgumentException for a lifetime or reason the node would refuse
   */
  public BearerTokenSource(
      BearerTokenSigner signer, Duration lifetime, Optional<String> reason, Clock clock) {
    this.signer = Objects.requireNonNull(signer, "signer");
    BearerTokenSigner.checkLifetime(lifetime);
    reason.ifPresent(BearerTokenSigner::checkReason);
    this.lifetime = lifetime;
    this.reason = reason;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Tokens of {@link #DEFAULT_LIFETIME} without a reason, on the system clock.
   *
   * @param credentials the account's key
   * @param chainId the chain's id
   * @return the source
   */
  public static BearerTokenSource of(Credentials credentials, long chainId) {
    return new BearerTokenSource(
        new BearerTokenSigner(credentials, chainId),
        DEFAULT_LIFETIME,
        Optional.empty(),
        Clock.systemUTC());
  }

  /**
   * A source for the same account whose tokens carry {@code reason} (a case number or other
   * justification, which the node records when an authority looks at an account not its own). It
   * keeps its own token, so this source's tokens stay without one.
   *
   * @param reason the reason
   * @return the new source
   * @throws IllegalArgumentException if the reason is blank or longer than 256 characters
   */
  public BearerTokenSource withReason(String reason) {
    return new BearerTokenSource(signer, lifetime, Optional.of(reason), clock);
  }

  /**
   * A token to send now: the cached one, or a fresh one if it is due for renewal.
   *
   * @return the token
   */
  public synchronized BearerToken current() {
    if (current == null || !clock.instant().isBefore(renewalDue(current))) {
      current = sign();
    }
    return current;
  }

  /**
   * Replaces the cached token by a fresh one at once, e.g. after the node refused it.
   *
   * @return the fresh token
   */
  public synchronized BearerToken refresh() {
    current = sign();
    return current;
  }

  /**
   * When {@link #current()} will stop handing out {@code token}: at {@link #RENEW_AT_PERCENT} of
   * its lifetime. A WebSocket opened with it should be reopened by then.
   *
   * @param token a token of this source
   * @return the renewal time
   */
  public Instant renewalDue(BearerToken token) {
    Duration life = Duration.between(token.issuedAt(), token.expiresAt());
    return token.issuedAt().plus(life.multipliedBy(RENEW_AT_PERCENT).dividedBy(100));
  }

  /**
   * The account the tokens prove.
   *
   * @return its address
   */
  public String address() {
    return signer.address();
  }

  /**
   * The chain the tokens are for.
   *
   * @return its id
   */
  public long chainId() {
    return signer.chainId();
  }

  /**
   * Each token's lifetime.
   *
   * @return the lifetime
   */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * The {@code reason} claim of the tokens.
   *
   * @return the reason, if any
   */
  public Optional<String> reason() {
    return reason;
  }

  /**
   * The clock the tokens are dated by.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  private BearerToken sign() {
    return signer.sign(clock.instant(), lifetime, reason);
  }
}
