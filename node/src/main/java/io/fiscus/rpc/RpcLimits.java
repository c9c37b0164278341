package io.fiscus.rpc;

/**
 * Every bound of the JSON-RPC server, in one immutable record (STYLE.md: bound everything).
 *
 * @param requestBytesMax largest HTTP request body; a larger one is answered 413 and -32600
 * @param batchSizeMax most calls in one batch; a larger batch is one -32600 error
 * @param wsFrameBytesMax largest WebSocket message (after joining continuation frames); a larger
 *     one closes the connection with 1009 (message too big)
 * @param dispatchThreads threads executing calls, off the network event loop
 * @param dispatchQueueMax requests waiting for a dispatch thread; beyond it a request is answered
 *     -32005 {@code Limit exceeded} (HTTP 503) rather than queued without bound
 * @param connectionQueueMax requests one connection may have waiting (pipelined HTTP requests or
 *     WebSocket messages sent before the previous answer); beyond it the connection is closed
 * @param wsPushQueueMax subscription notifications written to one connection but not yet flushed to
 *     its socket; beyond it the subscriber is too slow and its connection is closed
 * @param subscriptionsPerConnectionMax {@code eth_subscribe} subscriptions per connection
 * @param filtersMax installed HTTP filters ({@code eth_newFilter}, {@code eth_newBlockFilter})
 * @param filterIdleMillis a filter not polled for this long is removed
 * @param logsBlockRangeMax most blocks one {@code eth_getLogs} (or filter poll) may scan
 * @param logsResultsMax most logs one {@code eth_getLogs} may return
 */
public record RpcLimits(
    int requestBytesMax,
    int batchSizeMax,
    int wsFrameBytesMax,
    int dispatchThreads,
    int dispatchQueueMax,
    int connectionQueueMax,
    int wsPushQueueMax,
    int subscriptionsPerConnectionMax,
    int filtersMax,
    long filterIdleMillis,
    long logsBlockRangeMax,
    int logsResultsMax) {
  public static final int MEBIBYTE = 1024 * 1024;

  public RpcLimits {
    if (requestBytesMax <= 0
        || batchSizeMax <= 0
        || wsFrameBytesMax <= 0
        || dispatchThreads <= 0
        || dispatchQueueMax <= 0
        || connectionQueueMax <= 0
        || wsPushQueueMax <= 0
        || subscriptionsPerConnectionMax <= 0
        || filtersMax <= 0
        || filterIdleMillis <= 0
        || logsBlockRangeMax <= 0
        || logsResultsMax <= 0) {
      throw new IllegalArgumentException("every RPC limit must be positive: " + this);
    }
  }

  /** The node's defaults: 5 MiB bodies and frames, batches of 1024, 10,000-block log scans. */
  public static RpcLimits defaults() {
    return new RpcLimits(
        5 * MEBIBYTE,
        1024,
        5 * MEBIBYTE,
        4,
        1024,
        64,
        4096,
        100,
        1024,
        5 * 60_000L,
        10_000,
        10_000);
  }

  public RpcLimits withRequestBytesMax(int value) {
    return new RpcLimits(
        value,
        batchSizeMax,
        wsFrameBytesMax,
        dispatchThreads,
        dispatchQueueMax,
        connectionQueueMax,
        wsPushQueueMax,
        subscriptionsPerConnectionMax,
        filtersMax,
        filterIdleMillis,
        logsBlockRangeMax,
        logsResultsMax);
  }

  public RpcLimits withBatchSizeMax(int value) {
    return new RpcLimits(
        requestBytesMax,
        value,
        wsFrameBytesMax,
        dispatchThreads,
        dispatchQueueMax,
        connectionQueueMax,
        wsPushQueueMax,
        subscriptionsPerConnectionMax,
        filtersMax,
        filterIdleMillis,
        logsBlockRangeMax,
        logsResultsMax);
  }

  public RpcLimits withWsFrameBytesMax(int value) {
    return new RpcLimits(
        requestBytesMax,
        batchSizeMax,
        value,
        dispatchThreads,
        dispatchQueueMax,
        connectionQueueMax,
        wsPushQueueMax,
        subscriptionsPerConnectionMax,
        filtersMax,
        filterIdleMillis,
        logsBlockRangeMax,
        logsResultsMax);
  }

  /** These limits with other log-query bounds, filter bounds and filter idle time. */
  public RpcLimits withLogsAndFilters(
      long blockRangeMax, int resultsMax, int filters, long filterIdle) {
    return new RpcLimits(
        requestBytesMax,
        batchSizeMax,
        wsFrameBytesMax,
        dispatchThreads,
        dispatchQueueMax,
        connectionQueueMax,
        wsPushQueueMax,
        subscriptionsPerConnectionMax,
        filters,
        filterIdle,
        blockRangeMax,
        resultsMax);
  }
}
