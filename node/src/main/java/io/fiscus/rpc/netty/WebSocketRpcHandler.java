package io.fiscus.rpc.netty;

import io.fiscus.rpc.CallAdmission;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.SubscriptionSink;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.limits.LimitKey;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket connection: each text message is a JSON-RPC request or batch, answered in order by
 * the same dispatcher, with this connection's {@code eth_subscribe}/{@code eth_unsubscribe} on top.
 * Malformed JSON is answered -32700 and the connection stays; binary messages, oversize messages
 * and protocol violations close it. Notifications are pushed from the notifier thread into a
 * bounded count of unflushed writes; a subscriber that falls behind is disconnected.
 */
final class WebSocketRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame>
    implements SubscriptionSink {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRpcHandler.class);

  private final JsonRpcDispatcher dispatcher;
  private final SubscriptionService subscriptions;
  private final RpcLimits limits;
  private final RpcServices services;
  private final AtomicInteger unflushedPushes = new AtomicInteger();
  private volatile Channel channel;
  private Map<String, RpcMethod> connectionMethods;
  private CallAdmission admission;
  private ConnectionQueue queue;
  private final RpcAccess access;

  WebSocketRpcHandler(RpcServices services, RpcAccess access) {
    this.access = access;
    this.dispatcher = services.dispatcher();
    this.subscriptions = services.subscriptions();
    this.limits = services.limits();
    this.services = services;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    // The caller and IP are fixed for the connection's life, so are its limits and its owner.
    InetAddress ip = RpcServices.remoteIp(ctx);
    Map<String, RpcMethod> methods = new HashMap<>(services.ownedMethods(ip, access));
    methods.putAll(subscriptions.connectionMethods(this, access, LimitKey.owner(access, ip)));
    connectionMethods = Map.copyOf(methods);
    admission = services.admission(ip, access);
    queue = services.newQueue(ctx);
    if (access instanceof RpcAccess.Authenticated authenticated) {
      closeAtExpiry(ctx, authenticated.caller().expiresAtSeconds());
    }
  }

  /**
   * Calls on this connection are refused once its token has expired, but subscription pushes need
   * no call: without this the caller would go on receiving them. The SDK reconnects with a fresh
   * token before this happens.
   */
  private static void closeAtExpiry(ChannelHandlerContext ctx, long expiresAtSeconds) {
    long delayMillis = Math.max(0, expiresAtSeconds * 1_000 - System.currentTimeMillis());
    var unused =
        ctx.executor()
            .schedule(
                () -> closeWith(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "bearer token expired"),
                delayMillis,
                TimeUnit.MILLISECONDS);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    switch (frame) {
      case TextWebSocketFrame text -> request(ctx, ByteBufUtil.getBytes(text.content()));
      case PingWebSocketFrame ping -> {
        ChannelFuture unused = ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      }
      case PongWebSocketFrame pong -> {}
      case CloseWebSocketFrame close ->
          ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
      case BinaryWebSocketFrame binary ->
          closeWith(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "text frames only");
      default -> closeWith(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "unexpected frame");
    }
  }

  private void request(ChannelHandlerContext ctx, byte[] body) {
    boolean queued =
        queue.enqueue(
            () -> dispatcher.handle(body, connectionMethods, access, admission),
            (response, busy) -> answer(ctx, response, busy));
    if (!queued) {
      closeWith(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "too many requests in flight");
    }
  }

  private ChannelFuture answer(ChannelHandlerContext ctx, Optional<String> response, boolean busy) {
    if (busy) {
      return ctx.writeAndFlush(new TextWebSocketFrame(HttpRpcHandler.busyResponse(dispatcher)));
    }
    return response.map(text -> ctx.writeAndFlush(new TextWebSocketFrame(text))).orElse(null);
  }

  @Override
  public boolean push(String notification) {
    Channel current = channel;
    if (current == null || !current.isActive()) {
      return false;
    }
    if (unflushedPushes.incrementAndGet() > limits.wsPushQueueMax()) {
      unflushedPushes.decrementAndGet();
      LOG.info("Closing WebSocket subscriber {}: it is not reading", current.remoteAddress());
      close();
      return false;
    }
    current
        .writeAndFlush(new TextWebSocketFrame(notification))
        .addListener(future -> unflushedPushes.decrementAndGet());
    return true;
  }

  @Override
  public void close() {
    Channel current = channel;
    if (current != null) {
      ChannelFuture unused = current.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    subscriptions.connectionClosed(this);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Oversize messages and protocol violations end here: the connection cannot be trusted to be
    // in sync with the framing any more.
    LOG.debug("WebSocket connection error; closing", cause);
    boolean tooBig = cause instanceof TooLongFrameException;
    closeWith(
        ctx,
        tooBig ? WebSocketCloseStatus.MESSAGE_TOO_BIG : WebSocketCloseStatus.PROTOCOL_ERROR,
        tooBig ? "message too big" : "protocol violation");
  }

  private static void closeWith(
      ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
    ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
