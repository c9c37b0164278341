package io.fiscus.rpc.auth;

import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Whether the JSON-RPC server asks for a bearer token ({@code --rpc-authentication-enabled}), and
 * which harmless methods it serves without one. With authentication off every request is served and
 * headers are ignored, as on a development chain.
 */
public final class RpcAuthentication {
  /** The HTTP (or WebSocket upgrade) header that gives a look's reason when the token has none. */
  public static final String REASON_HEADER = "X-Fiscus-Reason";

  private final boolean enabled;
  private final Set<String> publicMethods;
  private final Optional<BearerTokens> tokens;
  private final LongSupplier clockMillis;

  private RpcAuthentication(
      boolean enabled,
      Set<String> publicMethods,
      Optional<BearerTokens> tokens,
      LongSupplier clockMillis) {
    this.enabled = enabled;
    this.publicMethods = Set.copyOf(publicMethods);
    this.tokens = tokens;
    this.clockMillis = clockMillis;
  }

  /** Every request is served; no header is looked at. */
  public static RpcAuthentication disabled() {
    return new RpcAuthentication(false, Set.of(), Optional.empty(), System::currentTimeMillis);
  }

  /** Only {@code publicMethods} are served without a valid token. */
  public static RpcAuthentication required(
      BearerTokens tokens, Set<String> publicMethods, LongSupplier clockMillis) {
    return new RpcAuthentication(true, publicMethods, Optional.of(tokens), clockMillis);
  }

  public boolean enabled() {
    return enabled;
  }

  /** What an {@code Authorization} header (absent: empty) establishes. */
  public RpcAccess identify(Optional<String> authorization) {
    if (!enabled || authorization.isEmpty()) {
      return RpcAccess.ANONYMOUS;
    }
    try {
      return new RpcAccess.Authenticated(tokens.orElseThrow().verifyHeader(authorization.get()));
    } catch (AuthenticationException e) {
      return new RpcAccess.Refused(e.getMessage());
    }
  }

  /**
   * Like {@link #identify(Optional)}; an authenticated caller whose token has no {@code reason}
   * claim takes {@code reasonHeader} (the {@value #REASON_HEADER} header) as its reason. A signed
   * claim wins over the header.
   */
  public RpcAccess identify(Optional<String> authorization, Optional<String> reasonHeader) {
    RpcAccess access = identify(authorization);
    Optional<String> reason = reasonHeader.map(String::strip).filter(text -> !text.isEmpty());
    if (access instanceof RpcAccess.Authenticated(Caller caller)
        && caller.reason().isEmpty()
        && reason.isPresent()) {
      return new RpcAccess.Authenticated(
          new Caller(caller.address(), caller.expiresAtSeconds(), reason));
    }
    return access;
  }

  /**
   * Why {@code method} may not be served to {@code access}, or empty when it may. Checked per call,
   * so a WebSocket connection stops being served when the token it opened with expires.
   */
  public Optional<String> refusal(RpcAccess access, String method) {
    if (!enabled) {
      return Optional.empty();
    }
    return switch (access) {
      case RpcAccess.Refused refused -> Optional.of(refused.reason());
      case RpcAccess.Anonymous anonymous ->
          publicMethods.contains(method)
              ? Optional.empty()
              : Optional.of(method + " needs an Authorization: Bearer <JWT> header");
      case RpcAccess.Authenticated authenticated ->
          authenticated.caller().expiresAtSeconds() * 1_000 <= clockMillis.getAsLong()
              ? Optional.of("the token has expired (exp); reconnect with a fresh one")
              : Optional.empty();
    };
  }
}
