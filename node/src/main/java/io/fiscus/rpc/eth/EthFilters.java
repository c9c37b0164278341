package io.fiscus.rpc.eth;

import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * the next poll continues where it stopped.
 */
public final class EthFilters {
  /** Besu's answer for an unknown or expired filter id. */
  public static final int FILTER_NOT_FOUND = -32000;

  private static final int ID_BYTES = 16;

  private final ChainQueries queries;
  private final LogSearch search;
  private final RpcLimits limits;
  private final LongSupplier clockMillis;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();

  /**
   * @param clockMillis the time for idle expiry ({@code System::currentTimeMillis} in the node)
   */
  public EthFilters(
      ChainQueries queries, LogSearch search, RpcLimits limits, LongSupplier clockMillis) {
    this.queries = queries;
    this.search = search;
    this.limits = limits;
    this.clockMillis = clockMillis;
  }

  /** The five filter methods by name. */
  public Map<String, RpcMethod> methods() {
    return Map.of(
        "eth_newFilter", this::newFilter,
        "eth_newBlockFilter",
            params -> install(new Filter(null, nextBlock(), clockMillis.getAsLong())),
        "eth_getFilterChanges", this::changes,
        "eth_getFilterLogs", this::filterLogs,
        "eth_uninstallFilter", params -> filters.remove(params.string(0)) != null);
  }

  /** Installed filters, for tests and metrics. */
  public int size() {
    return filters.size();
  }

  /** A filter: log criteria (null for a block filter) and the next block to report. */
  private static final class Filter {
    final LogFilter criteria;
    long nextBlock;
    volatile long lastPolledMillis;

    Filter(LogFilter criteria, long nextBlock, long nowMillis) {
      this.criteria = criteria;
      this.nextBlock = nextBlock;
      this.lastPolledMillis = nowMillis;
    }
  }

  private Object newFilter(RpcParams params) {
    LogFilter criteria = LogFilter.parse(params.required(0));
    if (criteria.blockHash().isPresent()) {
      throw RpcException.invalidParams("a filter takes fromBlock/toBlock, not blockHash");
    }
    // Changes start at the first block not yet committed, or at fromBlock if it is later.
    long start = nextBlock();
    if (criteria.fromBlock().isPresent() && !isTag(criteria.fromBlock().get())) {
      start = Math.max(start, RpcParams.parseQuantity(criteria.fromBlock().get(), "fromBlock"));
    }
    return install(new Filter(criteria, start, clockMillis.getAsLong()));
  }

  private String install(Filter filter) {
    sweep();
    if (filters.size() >= limits.filtersMax()) {
      throw LogSearch.limitExceeded(
          "at most " + limits.filtersMax() + " filters; uninstall unused ones");
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

  private void sweep() {
    long now = clockMillis.getAsLong();
    filters.values().removeIf(filter -> now - filter.lastPolledMillis > limits.filterIdleMillis());
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
