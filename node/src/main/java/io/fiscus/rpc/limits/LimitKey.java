package io.fiscus.rpc.limits;

import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.types.Address;
import java.net.InetAddress;

/** Whom a limit is counted against: an authenticated account, or a remote IP address. */
public sealed interface LimitKey {
  /** Requests from one IP address, whoever sends them. */
  record Ip(InetAddress address) implements LimitKey {
    @Override
    public String toString() {
      return "IP " + address.getHostAddress();
    }
  }

  /** Requests proven (by a bearer token) to come from one account. */
  record Caller(Address address) implements LimitKey {
    @Override
    public String toString() {
      return "caller " + address.toHex();
    }
  }

  /**
   * Who owns what a request installs (filters, subscriptions): the authenticated account, else the
   * IP address — anonymous requests, and requests whose token was refused, are told apart by IP
   * only.
   */
  static LimitKey owner(RpcAccess access, InetAddress ip) {
    return access instanceof RpcAccess.Authenticated authenticated
        ? new Caller(authenticated.caller().address())
        : new Ip(ip);
  }
}
