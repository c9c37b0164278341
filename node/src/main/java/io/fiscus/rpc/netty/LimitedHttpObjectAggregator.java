package io.fiscus.rpc.netty;

import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Joins an HTTP request's body up to the limit; a larger body is answered 413 with a JSON-RPC
 * -32600 error saying why (rather than Netty's empty 413), and the connection is closed since the
 * rest of the body is not read.
 */
final class LimitedHttpObjectAggregator extends HttpObjectAggregator {
  private final JsonRpcDispatcher dispatcher;
  private final int requestBytesMax;

  LimitedHttpObjectAggregator(JsonRpcDispatcher dispatcher, int requestBytesMax) {
    super(requestBytesMax);
    this.dispatcher = dispatcher;
    this.requestBytesMax = requestBytesMax;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    String body =
        dispatcher.errorResponse(
            RpcException.INVALID_REQUEST,
            "Invalid Request",
            "request body exceeds " + requestBytesMax + " bytes");
    HttpResponses.json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, body, false)
        .apply(ctx)
        .addListener(ChannelFutureListener.CLOSE);
  }
}
