package io.fiscus.rpc.netty;

import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.auth.RpcAuthentication;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP on path {@code /}: {@code POST} with a JSON body is a JSON-RPC call; {@code GET} with {@code
 * Upgrade: websocket} turns the connection into a WebSocket served by {@link WebSocketRpcHandler}.
 * Other paths are 404, other methods 405, other content types 415.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRpcHandler.class);
  static final String PATH = "/";

  private final JsonRpcDispatcher dispatcher;
  private final RpcLimits limits;
  private final RpcServices services;
  private ConnectionQueue queue;

  HttpRpcHandler(RpcServices services) {
    this.dispatcher = services.dispatcher();
    this.limits = services.limits();
    this.services = services;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    queue = services.newQueue(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      reply(ctx, HttpResponseStatus.BAD_REQUEST, false);
      return;
    }
    if (!PATH.equals(new QueryStringDecoder(request.uri()).path())) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, keepAlive);
      return;
    }
    if (HttpMethod.GET.equals(request.method())
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      upgrade(ctx, request);
      return;
    }
    if (!HttpMethod.POST.equals(request.method())) {
      reply(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, keepAlive);
      return;
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      reply(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, keepAlive);
      return;
    }
    byte[] body = ByteBufUtil.getBytes(request.content());
    Optional<String> authorization =
        Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION));
    Optional<String> reason =
        Optional.ofNullable(request.headers().get(RpcAuthentication.REASON_HEADER));
    InetAddress ip = RpcServices.remoteIp(ctx);
    boolean queued =
        queue.enqueue(
            () -> {
              RpcAccess access = dispatcher.identify(authorization, reason);
              return dispatcher.handle(
                  body, services.ownedMethods(ip, access), access, services.admission(ip, access));
            },
            (response, busy) -> answer(ctx, response, busy, keepAlive));
    if (!queued) {
      ChannelFuture unused = ctx.close();
    }
  }

  private ChannelFuture answer(
      ChannelHandlerContext ctx, Optional<String> response, boolean busy, boolean keepAlive) {
    ChannelFuture written;
    if (busy) {
      written =
          HttpResponses.json(
                  HttpResponseStatus.SERVICE_UNAVAILABLE, busyResponse(dispatcher), keepAlive)
              .apply(ctx);
    } else if (response.isPresent()) {
      written = HttpResponses.json(HttpResponseStatus.OK, response.get(), keepAlive).apply(ctx);
    } else {
      written = HttpResponses.empty(HttpResponseStatus.NO_CONTENT, keepAlive).apply(ctx);
    }
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
    return written;
  }

  static String busyResponse(JsonRpcDispatcher dispatcher) {
    return dispatcher.errorResponse(
        JsonRpcDispatcher.LIMIT_EXCEEDED, "Limit exceeded", "the server is busy; retry later");
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
    WebSocketDecoderConfig decoderConfig =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(limits.wsFrameBytesMax())
            .allowExtensions(false)
            .closeOnProtocolViolation(true)
            .build();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://" + host + PATH, null, decoderConfig)
            .newHandshaker(request);
    if (handshaker == null) {
      ChannelFuture unused =
          WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    if (ctx.pipeline().get(JsonRpcServer.IDLE_HANDLER) != null) {
      // Subscribers may legitimately stay silent for long; only HTTP connections time out.
      ctx.pipeline().remove(JsonRpcServer.IDLE_HANDLER);
    }
    // A WebSocket is authenticated once, by the upgrade request's header (browsers cannot set
    // headers on later frames); each call still checks that the token has not expired since.
    RpcAccess access = identify(request);
    WebSocketRpcHandler webSocket = new WebSocketRpcHandler(services, access);
    ctx.pipeline().replace(this, "websocket", webSocket);
    ctx.pipeline()
        .addBefore(
            "websocket",
            "websocket-aggregator",
            new WebSocketFrameAggregator(limits.wsFrameBytesMax()));
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            future -> {
              if (!future.isSuccess()) {
                LOG.debug("WebSocket handshake failed", future.cause());
                ChannelFuture unused = ctx.channel().close();
              }
            });
  }

  private static void reply(
      ChannelHandlerContext ctx, HttpResponseStatus status, boolean keepAlive) {
    ChannelFuture written = HttpResponses.empty(status, keepAlive).apply(ctx);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ChannelFuture unused = ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP connection error; closing", cause);
    ChannelFuture unused = ctx.close();
  }

  /** The request's token and, for looks that are recorded, its {@code X-Fiscus-Reason} header. */
  private RpcAccess identify(FullHttpRequest request) {
    return dispatcher.identify(
        Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION)),
        Optional.ofNullable(request.headers().get(RpcAuthentication.REASON_HEADER)));
  }
}
