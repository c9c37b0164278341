package io.fiscus.rpc.auth;

/** What a request's {@code Authorization} header established about its sender. */
public sealed interface RpcAccess {
  /** No header: only the public methods are served when authentication is on. */
  RpcAccess ANONYMOUS = new Anonymous();

  /** No token was given. */
  record Anonymous() implements RpcAccess {}

  /** A valid token proved who is calling. */
  record Authenticated(Caller caller) implements RpcAccess {}

  /** A token was given and refused; every call of the request is answered with the reason. */
  record Refused(String reason) implements RpcAccess {}
}
