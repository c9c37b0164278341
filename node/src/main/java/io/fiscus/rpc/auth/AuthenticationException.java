package io.fiscus.rpc.auth;

/** A bearer token was refused; the message says why, in words a client developer can act on. */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String reason) {
    super(reason);
  }
}
