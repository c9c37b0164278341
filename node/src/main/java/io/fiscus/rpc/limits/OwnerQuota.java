package io.fiscus.rpc.limits;

import io.fiscus.metrics.NodeMetrics;
import io.prometheus.metrics.core.metrics.Gauge;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of one kind of server-held resource (filters, subscriptions) each owner holds, with a
 * cap per owner, so that one caller or IP cannot use up a server-wide bound alone. Thread-safe.
 */
public final class OwnerQuota {
  private final String resource;
  private final int perOwnerMax;
  private final Map<LimitKey, Integer> held = new ConcurrentHashMap<>();
  private final Gauge inUse;
  private final NodeMetrics metrics;

  private OwnerQuota(String resource, int perOwnerMax, Gauge inUse, NodeMetrics metrics) {
    this.resource = resource;
    this.perOwnerMax = perOwnerMax;
    this.inUse = inUse;
    this.metrics = metrics;
  }

  /** The quota of installed filters, reported as {@code fiscus_rpc_filters}. */
  public static OwnerQuota filters(ClientLimits limits, NodeMetrics metrics) {
    return new OwnerQuota("filters", limits.filtersPerOwnerMax(), metrics.rpcFilters, metrics);
  }

  /** The quota of subscriptions, reported as {@code fiscus_rpc_subscriptions}. */
  public static OwnerQuota subscriptions(ClientLimits limits, NodeMetrics metrics) {
    return new OwnerQuota(
        "subscriptions", limits.subscriptionsPerOwnerMax(), metrics.rpcSubscriptions, metrics);
  }

  /** Counts one more for {@code owner}, unless it already holds {@link #perOwnerMax()}. */
  public boolean tryAcquire(LimitKey owner) {
    boolean[] acquired = new boolean[1];
    held.compute(
        owner,
        (unused, count) -> {
          int current = count == null ? 0 : count;
          acquired[0] = current < perOwnerMax;
          return acquired[0] ? current + 1 : count;
        });
    if (acquired[0]) {
      inUse.inc();
    } else {
      metrics.rpcLimited.labelValues(resource).inc();
    }
    return acquired[0];
  }

  /** One that {@code owner} acquired is gone. */
  public void release(LimitKey owner) {
    boolean[] released = new boolean[1];
    held.computeIfPresent(
        owner,
        (unused, count) -> {
          released[0] = true;
          return count == 1 ? null : count - 1;
        });
    if (released[0]) {
      inUse.dec();
    }
  }

  /** How many {@code owner} holds. */
  public int held(LimitKey owner) {
    return held.getOrDefault(owner, 0);
  }

  public int perOwnerMax() {
    return perOwnerMax;
  }

  /** The refusal's reason, naming the owner and the cap. */
  public String refusal(LimitKey owner) {
    return "at most "
        + perOwnerMax
        + " "
        + resource
        + " per caller or IP; "
        + owner
        + " holds "
        + held(owner)
        + "; remove unused ones";
  }
}
