package io.fiscus.rpc.limits;

import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.CallAdmission;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.types.Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The JSON-RPC rate limits: every call takes a token from its IP address's bucket, and a call with
 * a valid bearer token also one from its caller's bucket. Requests without a token, or with a
 * refused one, are told apart by IP only. Thread-safe.
 */
public final class RequestRateLimiter {
  private final RateLimit perIp;
  private final RateLimit perCaller;
  private final KeyedRateLimiter<InetAddress> ips;
  private final KeyedRateLimiter<Address> callers;
  private final NodeMetrics metrics;

  /**
   * @param nanoClock a monotonic clock ({@code System::nanoTime} in the node)
   */
  public RequestRateLimiter(ClientLimits limits, NodeMetrics metrics, LongSupplier nanoClock) {
    this.perIp = limits.perIp();
    this.perCaller = limits.perCaller();
    this.ips = new KeyedRateLimiter<>(perIp, limits.clientsTrackedMax(), nanoClock);
    this.callers = new KeyedRateLimiter<>(perCaller, limits.clientsTrackedMax(), nanoClock);
    this.metrics = metrics;
  }

  /** No rate limits at all. */
  public static RequestRateLimiter unlimited() {
    return new RequestRateLimiter(ClientLimits.unlimited(), new NodeMetrics(), System::nanoTime);
  }

  /** The admission of the calls of one request (or one WebSocket connection's requests). */
  public CallAdmission admission(InetAddress ip, RpcAccess access) {
    Optional<Address> caller =
        access instanceof RpcAccess.Authenticated authenticated
            ? Optional.of(authenticated.caller().address())
            : Optional.empty();
    return () -> refusal(ip, caller);
  }

  private Optional<String> refusal(InetAddress ip, Optional<Address> caller) {
    Optional<String> refused = check(ips, ip, perIp, "ip", "IP address " + ip.getHostAddress());
    if (refused.isEmpty() && caller.isPresent()) {
      refused = check(callers, caller.get(), perCaller, "caller", "caller " + caller.get().toHex());
    }
    return refused;
  }

  private <K> Optional<String> check(
      KeyedRateLimiter<K> limiter, K key, RateLimit limit, String scope, String who) {
    KeyedRateLimiter.Outcome outcome = limiter.tryAcquire(key);
    if (outcome == KeyedRateLimiter.Outcome.ADMITTED) {
      return Optional.empty();
    }
    metrics.rpcLimited.labelValues(scope).inc();
    if (outcome == KeyedRateLimiter.Outcome.TOO_MANY_KEYS) {
      return Optional.of("too many active clients by " + scope + "; retry later");
    }
    return Optional.of(
        "rate limit of "
            + limit.perSecond()
            + " requests/s (burst "
            + limit.burst()
            + ") exceeded for "
            + who);
  }
}
