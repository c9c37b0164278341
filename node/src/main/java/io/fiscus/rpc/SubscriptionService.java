package io.fiscus.rpc;

import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.limits.LimitKey;
import java.util.Map;

/**
 * Port between the WebSocket server and whatever serves {@code eth_subscribe}: the server asks for
 * each connection's own methods and says when the connection goes away.
 */
public interface SubscriptionService {
  /**
   * The methods bound to one connection ({@code eth_subscribe}, {@code eth_unsubscribe}), tried
   * before the node's shared methods for calls arriving on that connection; what they install
   * counts against {@code owner} (the connection's caller, or its IP without a token).
   */
  Map<String, RpcMethod> connectionMethods(SubscriptionSink connection, LimitKey owner);

  /**
   * Like {@link #connectionMethods(SubscriptionSink, LimitKey)}, for a connection opened by {@code
   * access}: a service that filters what each caller may see overrides this.
   */
  default Map<String, RpcMethod> connectionMethods(
      SubscriptionSink connection, RpcAccess access, LimitKey owner) {
    return connectionMethods(connection, owner);
  }

  /** The connection closed: forget its subscriptions. */
  void connectionClosed(SubscriptionSink connection);

  /** No subscriptions: WebSocket connections get the shared methods only. */
  SubscriptionService NONE =
      new SubscriptionService() {
        @Override
        public Map<String, RpcMethod> connectionMethods(
            SubscriptionSink connection, LimitKey owner) {
          return Map.of();
        }

        @Override
        public void connectionClosed(SubscriptionSink connection) {}
      };
}
