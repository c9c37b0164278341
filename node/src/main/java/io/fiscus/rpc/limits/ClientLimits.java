package io.fiscus.rpc.limits;

/**
 * How much one client may ask of the JSON-RPC server: a client is an IP address, and also, for a
 * request with a valid bearer token, the calling account. See docs/adr/0022-rpc-rate-limits.md.
 *
 * @param perIp the rate every call from one IP address counts against
 * @param perCaller the rate every call of one authenticated account counts against
 * @param filtersPerOwnerMax installed filters one caller (or, without a token, one IP) may hold
 * @param subscriptionsPerOwnerMax {@code eth_subscribe} subscriptions one caller (or IP) may hold
 * @param clientsTrackedMax IP addresses, and separately callers, with a live bucket; beyond it new
 *     clients are refused until buckets refill and are dropped
 */
public record ClientLimits(
    RateLimit perIp,
    RateLimit perCaller,
    int filtersPerOwnerMax,
    int subscriptionsPerOwnerMax,
    int clientsTrackedMax) {
  /** The node's default sustained requests a second from one IP address. */
  public static final long PER_IP_DEFAULT = 2000;

  /** The node's default sustained requests a second from one authenticated account. */
  public static final long PER_CALLER_DEFAULT = 500;

  public ClientLimits {
    if (filtersPerOwnerMax <= 0 || subscriptionsPerOwnerMax <= 0 || clientsTrackedMax <= 0) {
      throw new IllegalArgumentException("every client limit must be positive: " + this);
    }
  }

  /**
   * The node's defaults: 2000 requests/s per IP and 500 per caller, each with a burst of twice
   * that; 100 filters and 100 subscriptions per caller; 100,000 clients tracked.
   */
  public static ClientLimits defaults() {
    return new ClientLimits(
        new RateLimit(PER_IP_DEFAULT, 2 * PER_IP_DEFAULT),
        new RateLimit(PER_CALLER_DEFAULT, 2 * PER_CALLER_DEFAULT),
        100,
        100,
        100_000);
  }

  /** No rate limits, and per-owner caps as high as the server's own totals allow. */
  public static ClientLimits unlimited() {
    return new ClientLimits(
        RateLimit.off(), RateLimit.off(), Integer.MAX_VALUE, Integer.MAX_VALUE, 100_000);
  }
}
