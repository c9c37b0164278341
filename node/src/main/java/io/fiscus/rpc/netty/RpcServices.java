package io.fiscus.rpc.netty;

import io.fiscus.rpc.CallAdmission;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.RequestRateLimiter;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What every connection handler of the server shares: the dispatcher, the subscriptions, the
 * limits, the executor that runs dispatches off the event loop, the per-client rate limits, and the
 * methods whose effects (filters) belong to the client that calls them.
 */
record RpcServices(
    JsonRpcDispatcher dispatcher,
    SubscriptionService subscriptions,
    RpcLimits limits,
    Executor executor,
    RequestRateLimiter rateLimiter,
    Function<LimitKey, Map<String, RpcMethod>> ownedMethods) {

  /** The bounded, in-order dispatch queue of one connection. */
  ConnectionQueue newQueue(ChannelHandlerContext ctx) {
    return new ConnectionQueue(ctx, executor, limits.connectionQueueMax());
  }

  /** The rate limits the calls of a request from {@code ip}, sent as {@code access}, count on. */
  CallAdmission admission(InetAddress ip, RpcAccess access) {
    return rateLimiter.admission(ip, access);
  }

  /** The methods owned by the caller of a request from {@code ip}, sent as {@code access}. */
  Map<String, RpcMethod> ownedMethods(InetAddress ip, RpcAccess access) {
    return ownedMethods.apply(LimitKey.owner(access, ip));
  }

  /** The IP address of the connection's peer. */
  static InetAddress remoteIp(ChannelHandlerContext ctx) {
    SocketAddress remote = ctx.channel().remoteAddress();
    // Only an in-memory test channel has no socket address; it is as local as it gets.
    return remote instanceof InetSocketAddress socket
        ? socket.getAddress()
        : InetAddress.getLoopbackAddress();
  }
}
