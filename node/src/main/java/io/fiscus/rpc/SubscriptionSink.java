package io.fiscus.rpc;

/**
 * One WebSocket connection as the subscription service sees it: somewhere to push notifications.
 * Implementations never block.
 */
public interface SubscriptionSink {
  /**
   * Queues {@code notification} (a complete JSON-RPC message) for the connection. Returns false
   * when the connection's bounded queue is full or the connection is gone: the connection is then
   * being closed and its subscriptions must be dropped.
   */
  boolean push(String notification);

  /** Closes the connection, e.g. when it can no longer be kept up to date. */
  void close();
}
