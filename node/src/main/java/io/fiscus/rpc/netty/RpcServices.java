package io.fiscus.rpc.netty;

import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.SubscriptionService;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.Executor;

/**
 * What every connection handler of the server shares: the dispatcher, the subscriptions, the
 * limits, and the executor that runs dispatches off the event loop.
 */
record RpcServices(
    JsonRpcDispatcher dispatcher,
    SubscriptionService subscriptions,
    RpcLimits limits,
    Executor executor) {

  /** The bounded, in-order dispatch queue of one connection. */
  ConnectionQueue newQueue(ChannelHandlerContext ctx) {
    return new ConnectionQueue(ctx, executor, limits.connectionQueueMax());
  }
}
