package io.fiscus.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Every metric the node exports, registered in one registry per node (no global state, so tests can
 * run several nodes in one JVM). Components receive this object and update their own fields.
 */
public final class NodeMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  public final Gauge chainHeight = gauge("fiscus_chain_height", "Number of the latest block");
  public final Counter blocks = counter("fiscus_blocks_total", "Blocks committed");
  public final Counter transactions =
      counter("fiscus_transactions_total", "Transactions committed in blocks");
  public final Histogram blockBuildSeconds =
      histogram("fiscus_block_build_seconds", "Time to select, execute and root a proposed block");
  public final Histogram blockImportSeconds =
      histogram("fiscus_block_import_seconds", "Time to validate and execute a received block");
  public final Histogram blockCommitSeconds =
      histogram("fiscus_block_commit_seconds", "Time to write and sync a block's batch");
  public final Histogram blockFinalizeSeconds =
      histogram("fiscus_block_finalize_seconds", "Time from the block timer to the block's commit");
  public final Gauge mempoolPending =
      gauge("fiscus_mempool_pending", "Transactions executable in the next block");
  public final Gauge mempoolQueued =
      gauge("fiscus_mempool_queued", "Transactions waiting for a nonce gap to close");
  public final Counter mempoolRejected =
      Counter.builder()
          .name("fiscus_mempool_rejected_total")
          .help("Transactions refused at submission, by reason")
          .labelNames("reason")
          .register(registry);
  public final Counter mempoolEvicted =
      counter("fiscus_mempool_evicted_total", "Pooled transactions dropped as no longer valid");
  public final Counter rpcRequests =
      Counter.builder()
          .name("fiscus_rpc_requests_total")
          .help("JSON-RPC calls by method and result code (0 = success)")
          .labelNames("method", "code")
          .register(registry);
  public final Histogram rpcSeconds =
      Histogram.builder()
          .name("fiscus_rpc_request_seconds")
          .help("JSON-RPC call latency by method")
          .labelNames("method")
          .register(registry);
  public final Counter rpcLimited =
      Counter.builder()
          .name("fiscus_rpc_limited_total")
          .help(
              "JSON-RPC calls refused by a client limit, by scope (ip, caller: rate; filters,"
                  + " subscriptions: installed per caller or IP)")
          .labelNames("scope")
          .register(registry);
  public final Gauge rpcFilters =
      gauge("fiscus_rpc_filters", "Installed filters held by callers and IP addresses");
  public final Gauge rpcSubscriptions =
      gauge("fiscus_rpc_subscriptions", "Live eth_subscribe subscriptions");
  public final Counter roundChanges =
      counter("fiscus_qbft_round_changes_total", "Rounds started above round 0");
  public final Counter consensusNotices =
      Counter.builder()
          .name("fiscus_qbft_notices_total")
          .help("Rejected or notable consensus inputs, by reason")
          .labelNames("reason")
          .register(registry);
  public final Gauge peers = gauge("fiscus_peers", "Connected authenticated peers");
  public final Counter p2pRefused =
      Counter.builder()
          .name("fiscus_p2p_refused_total")
          .help("Connections closed before or at the hello, by reason")
          .labelNames("reason")
          .register(registry);
  public final Counter p2pBans =
      Counter.builder()
          .name("fiscus_p2p_bans_total")
          .help("Peers (or addresses) disconnected and banned for misbehaving, by reason")
          .labelNames("reason")
          .register(registry);
  public final Counter p2pDroppedFrames =
      Counter.builder()
          .name("fiscus_p2p_dropped_frames_total")
          .help("Outbound frames dropped because a peer's queue was full, by message type")
          .labelNames("type")
          .register(registry);
  public final Counter p2pFramesReceived =
      Counter.builder()
          .name("fiscus_p2p_frames_received_total")
          .help("Frames received from authenticated peers, by message type")
          .labelNames("type")
          .register(registry);
  public final Counter p2pFramesSent =
      Counter.builder()
          .name("fiscus_p2p_frames_sent_total")
          .help("Frames queued to authenticated peers, by message type")
          .labelNames("type")
          .register(registry);

  public final Counter accessLogRecorded =
      counter("fiscus_access_log_recorded_total", "Looks recorded on chain before an answer");
  public final Counter accessLogFailures =
      Counter.builder()
          .name("fiscus_access_log_failures_total")
          .help("Looks that could not be recorded (the answer was withheld), by reason")
          .labelNames("reason")
          .register(registry);

  public PrometheusRegistry registry() {
    return registry;
  }

  private Counter counter(String name, String help) {
    return Counter.builder().name(name).help(help).register(registry);
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).register(registry);
  }

  private Histogram histogram(String name, String help) {
    return Histogram.builder().name(name).help(help).register(registry);
  }
}
