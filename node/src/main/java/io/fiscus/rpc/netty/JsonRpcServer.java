package io.fiscus.rpc.netty;

import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.SubscriptionService;
import io.fiscus.rpc.limits.LimitKey;
import io.fiscus.rpc.limits.RequestRateLimiter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The JSON-RPC server: HTTP/1.1 ({@code POST /}, keep-alive) and WebSocket (upgrade on {@code GET
 * /}) on one port.
 *
 * <p>Threads: one acceptor and two event-loop threads do only I/O and framing. Calls run on a fixed
 * pool of {@code dispatchThreads} with a queue of {@code dispatchQueueMax}; when both are full a
 * request is answered at once with -32005 {@code Limit exceeded} (HTTP 503) instead of waiting, so
 * overload shows up as fast refusals rather than growing latency and memory. Each connection has
 * one call in flight at a time (answers keep request order; see {@link ConnectionQueue}). Idle HTTP
 * connections close after {@value #HTTP_IDLE_SECONDS} s. Every call also counts against its
 * client's rate limits, per IP and per caller (ADR 22).
 */
public final class JsonRpcServer {
  static final String IDLE_HANDLER = "idle";
  static final int HTTP_IDLE_SECONDS = 60;
  private static final int EVENT_LOOP_THREADS = 2;
  private static final int HTTP_HEADER_BYTES_MAX = 16 * 1024;

  private final String host;
  private final int port;
  private final JsonRpcDispatcher dispatcher;
  private final SubscriptionService subscriptions;
  private final RpcLimits limits;
  private final RequestRateLimiter rateLimiter;
  private final Function<LimitKey, Map<String, RpcMethod>> ownedMethods;
  private EventLoopGroup acceptor;
  private EventLoopGroup workers;
  private ThreadPoolExecutor executor;
  private Channel serverChannel;
  private int boundPort = -1;

  /**
   * @param port the port to bind; 0 picks a free one ({@link #port()} tells which)
   */
  public JsonRpcServer(
      String host,
      int port,
      JsonRpcDispatcher dispatcher,
      SubscriptionService subscriptions,
      RpcLimits limits) {
    this(
        host,
        port,
        dispatcher,
        subscriptions,
        limits,
        RequestRateLimiter.unlimited(),
        owner -> Map.of());
  }

  /**
   * @param port the port to bind; 0 picks a free one ({@link #port()} tells which)
   * @param rateLimiter the per-IP and per-caller rate limits every call counts against
   * @param ownedMethods methods bound to the client that calls them (filter installs), tried before
   *     the dispatcher's own
   */
  public JsonRpcServer(
      String host,
      int port,
      JsonRpcDispatcher dispatcher,
      SubscriptionService subscriptions,
      RpcLimits limits,
      RequestRateLimiter rateLimiter,
      Function<LimitKey, Map<String, RpcMethod>> ownedMethods) {
    this.host = host;
    this.port = port;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
    this.limits = limits;
    this.rateLimiter = rateLimiter;
    this.ownedMethods = ownedMethods;
  }

  /** Binds and starts serving; returns the bound port. */
  public synchronized int start() {
    if (serverChannel != null) {
      throw new IllegalStateException("already started");
    }
    executor = dispatchExecutor(limits);
    RpcServices services =
        new RpcServices(dispatcher, subscriptions, limits, executor, rateLimiter, ownedMethods);
    acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, NioIoHandler.newFactory());
    try {
      serverChannel =
          new ServerBootstrap()
              .group(acceptor, workers)
              .channel(NioServerSocketChannel.class)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel
                          .pipeline()
                          .addLast("http", new HttpServerCodec(4096, HTTP_HEADER_BYTES_MAX, 8192))
                          .addLast(IDLE_HANDLER, new IdleStateHandler(0, 0, HTTP_IDLE_SECONDS))
                          .addLast(
                              "aggregator",
                              new LimitedHttpObjectAggregator(dispatcher, limits.requestBytesMax()))
                          .addLast("rpc", new HttpRpcHandler(services));
                    }
                  })
              .bind(host, port)
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    return boundPort;
  }

  /** The bound port, once started. */
  public synchronized int port() {
    if (boundPort < 0) {
      throw new IllegalStateException("not started");
    }
    return boundPort;
  }

  /** Closes the port and every connection, and stops the threads. Idempotent. */
  public synchronized void stop() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      serverChannel = null;
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      workers = null;
    }
    if (acceptor != null) {
      acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      acceptor = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private static ThreadPoolExecutor dispatchExecutor(RpcLimits limits) {
    AtomicInteger threadNumber = new AtomicInteger();
    return new ThreadPoolExecutor(
        limits.dispatchThreads(),
        limits.dispatchThreads(),
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(limits.dispatchQueueMax()),
        runnable -> {
          Thread thread = new Thread(runnable, "rpc-dispatch-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
