package io.fiscus.rpc.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The few HTTP responses the server writes. */
final class HttpResponses {
  private HttpResponses() {}

  /** A JSON body with {@code status}; keep-alive or {@code Connection: close}. */
  static Function<ChannelHandlerContext, ChannelFuture> json(
      HttpResponseStatus status, String body, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    return ctx -> write(ctx, response, keepAlive);
  }

  /** An empty body with {@code status}. */
  static Function<ChannelHandlerContext, ChannelFuture> empty(
      HttpResponseStatus status, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    return ctx -> write(ctx, response, keepAlive);
  }

  private static ChannelFuture write(
      ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response
        .headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return ctx.writeAndFlush(response);
  }
}
