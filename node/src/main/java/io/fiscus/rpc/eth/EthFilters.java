package io.fiscus.rpc.eth;

import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.OwnerQuota;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HTTP polling filters: {@code eth_newFilter}, {@code eth_newBlockFilter}, {@code
 * eth_getFilterChanges}, {@code eth_getFilterLogs}, {@code eth_uninstallFilter}.
 *
 * <p>Filters pull: each remembers the next block it has not reported and reads the chain when
 * polled, so a commit costs filters nothing and an idle filter holds no data. At most {@code
 * filtersMax} filters live at once; one not polled for {@code filterIdleMillis} is removed (swept
 * whenever a filter is created or polled). A poll reports at most {@code logsBlockRangeMax} blocks;
 * the next poll continues where it stopped. Filters installed through {@link #installMethods} count
 * against their owner's {@link OwnerQuota} too, until uninstalled or expired.
 */
public final class EthFilters {
  /** Besu's answer for an unknown or expired filter id. */
  public static final int FILTER_NOT_FOUND = -32000;

  private static final int ID_BYTES = 16;

  private final ChainQueries queries;
  private final LogSearch search;
  private final RpcLimits limits;
  private final LongSupplier clockMillis;
  private final OwnerQuota quota;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();

  /**
   * @param clockMillis the time for idle expiry ({@code System::currentTimeMillis} in the node)
   * @param quota the cap on filters per owner
   */
  public EthFilters(
      ChainQueries queries,
      LogSearch search,
      RpcLimits limits,
      LongSupplier clockMillis,
      OwnerQuota quota) {
    this.queries = queries;
    this.search = search;
    this.limits = limits;
    this.clockMillis = clockMillis;
    this.quota = quota;
  }

  /**
   * The five filter methods by name; filters installed through these belong to nobody and count
   * against the server-wide bound only.
   */
  public Map<String, RpcMethod> methods() {
    return Map.of(
        "eth_newFilter", params -> newFilter(params, Optional.empty()),
        "eth_newBlockFilter", params -> newBlockFilter(Optional.empty()),
        "eth_getFilterChanges", this::changes,
        "eth_getFilterLogs", this::filterLogs,
        "eth_uninstallFilter", params -> uninstall(params.string(0)));
  }

  /**
   * {@code eth_newFilter} and {@code eth_newBlockFilter} installing filters owned by {@code owner},
   * for the server to put before {@link #methods()} on each request.
   */
  public Map<String, RpcMethod> installMethods(LimitKey owner) {
    return Map.of(
        "eth_newFilter", params -> newFilter(params, Optional.of(owner)),
        "eth_newBlockFilter", params -> newBlockFilter(Optional.of(owner)));
  }

  /** Installed filters, for tests and metrics. */
  public int size() {
    return filters.size();
  }

  /**
   * A filter: log criteria (null for a block filter), the next block to report, and who holds it.
   */
  private static final class Filter {
    final LogFilter criteria;
    final Optional<LimitKey> owner;
    long nextBlock;
    volatile long lastPolledMillis;

    Filter(LogFilter criteria, Optional<LimitKey> owner, long nextBlock, long nowMillis) {
      this.criteria = criteria;
      this.owner = owner;
      this.nextBlock = nextBlock;
      this.lastPolledMillis = nowMillis;
    }
  }

  private String newBlockFilter(Optional<LimitKey> owner) {
    return install(new Filter(null, owner, nextBlock(), clockMillis.getAsLong()));
  }

  private Object newFilter(RpcParams params, Optional<LimitKey> owner) {
    LogFilter criteria = LogFilter.parse(params.required(0));
    if (criteria.blockHash().isPresent()) {
      throw RpcException.invalidParams("a filter takes fromBlock/toBlock, not blockHash");
    }
    // Changes start at the first block not yet committed, or at fromBlock if it is later.
    long start = nextBlock();
    if (criteria.fromBlock().isPresent() && !isTag(criteria.fromBlock().get())) {
      start = Math.max(start, RpcParams.parseQuantity(criteria.fromBlock().get(), "fromBlock"));
    }
    return install(new Filter(criteria, owner, start, clockMillis.getAsLong()));
  }

  private String install(Filter filter) {
    sweep();
    if (filters.size() >= limits.filtersMax()) {
      throw LogSearch.limitExceeded(
          "at most " + limits.filtersMax() + " filters; uninstall unused ones");
    }
    if (filter.owner.isPresent() && !quota.tryAcquire(filter.owner.get())) {
      throw LogSearch.limitExceeded(quota.refusal(filter.owner.get()));
    }
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = "0x" + HexFormat.of().formatHex(bytes);
    filters.put(id, filter);
    return id;
  }

  private Object changes(RpcParams params) {
    Filter filter = polled(params.string(0));
    synchronized (filter) {
      long head = queries.chain().headNumber();
      long last = Math.min(head, filter.nextBlock + limits.logsBlockRangeMax() - 1);
      if (filter.criteria != null) {
        last = Math.min(last, toBlock(filter.criteria, head));
      }
      if (filter.nextBlock > last) {
        return List.of();
      }
      Object changes =
          filter.criteria == null
              ? blockHashes(filter.nextBlock, last)
              : search.logs(filter.nextBlock, last, filter.criteria);
      filter.nextBlock = last + 1;
      return changes;
    }
  }

  private Object filterLogs(RpcParams params) {
    Filter filter = polled(params.string(0));
    if (filter.criteria == null) {
      throw new RpcException(FILTER_NOT_FOUND, "Filter not found");
    }
    return search.logs(filter.criteria);
  }

  private Filter polled(String id) {
    sweep();
    Filter filter = filters.get(id);
    if (filter == null) {
      throw new RpcException(FILTER_NOT_FOUND, "Filter not found");
    }
    filter.lastPolledMillis = clockMillis.getAsLong();
    return filter;
  }

  private boolean uninstall(String id) {
    Filter removed = filters.remove(id);
    if (removed == null) {
      return false;
    }
    removed.owner.ifPresent(quota::release);
    return true;
  }

  private void sweep() {
    long now = clockMillis.getAsLong();
    filters.forEach(
        (id, filter) -> {
          // remove(id, filter) succeeds once, so a filter uninstalled meanwhile is released once.
          if (now - filter.lastPolledMillis > limits.filterIdleMillis()
              && filters.remove(id, filter)) {
            filter.owner.ifPresent(quota::release);
          }
        });
  }

  private List<String> blockHashes(long from, long to) {
    List<String> hashes = new ArrayList<>();
    for (long number = from; number <= to; number++) {
      queries.hash(number).ifPresent(hash -> hashes.add(hash.toHex()));
    }
    return hashes;
  }

  private long nextBlock() {
    return queries.chain().headNumber() + 1;
  }

  private static long toBlock(LogFilter criteria, long head) {
    if (criteria.toBlock().isEmpty() || isTag(criteria.toBlock().get())) {
      return "earliest".equals(criteria.toBlock().orElse("")) ? 0 : head;
    }
    return RpcParams.parseQuantity(criteria.toBlock().get(), "toBlock");
  }

  private static boolean isTag(String bound) {
    return !bound.startsWith("0x");
  }
}
