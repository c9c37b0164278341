package io.fiscus.p2p.netty;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.Allowlist;
import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.Hello;
import io.fiscus.p2p.HelloCodec;
import io.fiscus.p2p.HelloVerdict;
import io.fiscus.p2p.HelloVerifier;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.P2pConfig;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.p2p.RefusalReason;
import io.fiscus.p2p.SessionBinding;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerNetwork} over Netty: TLS 1.3 connections, a session-bound signed hello, the allowlist,
 * length-prefixed frames, bans, bounded outbound queues and redialed static peers. See ADR 0010 and
 * 0023. Construct, {@link #setHandler}, {@link #start()}; {@link #stop()} closes everything.
 */
public final class NettyPeerNetwork implements PeerNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(NettyPeerNetwork.class);

  private final P2pConfig config;
  private final PrivateKey nodeKey;
  private final long chainId;
  private final Hash genesisHash;
  private final Supplier<ChainHead> head;
  private final Allowlist allowlist;
  private final Path dataDirectory;
  private final NodeMetrics metrics;
  private final PeerId self;
  private final Bans bans;
  private final HelloVerifier verifier;
  private final RefusalLog refusalLog = new RefusalLog(LOG);
  private final Object tableLock = new Object();
  private final Map<PeerId, PeerSession> connected = new ConcurrentHashMap<>();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private final List<StaticPeerDialer> dialers = new ArrayList<>();
  private int pendingInbound;
  private volatile Handler handler;
  private volatile boolean stopped;
  private volatile int boundPort;
  private EventLoopGroup group;
  private TlsContexts tls;
  private Channel serverChannel;

  /**
   * @param config listen address, static peers and bounds
   * @param nodeKey the node's secp256k1 key: its identity; the peer id is its public key
   * @param chainId the chain id peers must announce
   * @param genesisHash the genesis block hash peers must announce
   * @param head this node's head, read for each hello (cheap, thread-safe)
   * @param allowlist who may stay connected
   * @param dataDirectory where the TLS key and certificate are kept
   * @param metrics the node's metrics
   */
  public NettyPeerNetwork(
      P2pConfig config,
      PrivateKey nodeKey,
      long chainId,
      Hash genesisHash,
      Supplier<ChainHead> head,
      Allowlist allowlist,
      Path dataDirectory,
      NodeMetrics metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.chainId = chainId;
    this.genesisHash = Objects.requireNonNull(genesisHash, "genesisHash");
    this.head = Objects.requireNonNull(head, "head");
    this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
    this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.self = new PeerId(Secp256k1.signer().publicKey(nodeKey));
    this.bans = new Bans(config.ban(), 16 * config.peersMax(), System::nanoTime, metrics, LOG);
    this.verifier =
        new HelloVerifier(
            chainId, genesisHash, self, allowlist, config.peersMax(), Secp256k1.recovery());
  }

  /** Where the TLS private key is kept in {@code dataDirectory} (mode 600). */
  public static Path tlsKeyFile(Path dataDirectory) {
    return dataDirectory.resolve(TlsIdentity.KEY_FILE);
  }

  /** This node's id. */
  public PeerId self() {
    return self;
  }

  /** The port listened on (the chosen one when the config says 0); valid after start. */
  public int port() {
    return boundPort;
  }

  /** This node's enode URL (with the bound port); valid after start. */
  public Enode enode() {
    return new Enode(self, config.host(), boundPort);
  }

  @Override
  public void setHandler(Handler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void start() {
    if (handler == null) {
      throw new IllegalStateException("set the handler before starting the network");
    }
    if (group != null) {
      throw new IllegalStateException("the network was started already");
    }
    tls = TlsContexts.of(TlsIdentity.loadOrCreate(dataDirectory));
    allowlist.refresh();
    group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(), NioIoHandler.newFactory());
    serverChannel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .childHandler(initializer(Optional.empty()))
            .bind(config.host(), config.port())
            .syncUninterruptibly()
            .channel();
    boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    long reloadMillis = config.permissionsReloadInterval().toMillis();
    io.netty.util.concurrent.ScheduledFuture<?> unused =
        group
            .next()
            .scheduleWithFixedDelay(
                this::refreshAllowlist, reloadMillis, reloadMillis, TimeUnit.MILLISECONDS);
    for (Enode enode : config.staticPeers()) {
      if (!enode.id().equals(self)) {
        StaticPeerDialer dialer = new StaticPeerDialer(enode, this, group.next());
        dialers.add(dialer);
        dialer.start();
      }
    }
    LOG.info("P2P listening on {} as {}", serverChannel.localAddress(), enode());
  }

  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (group == null) {
      return;
    }
    serverChannel.close().syncUninterruptibly();
    for (Channel channel : channels) {
      ChannelFuture unused = channel.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  public boolean send(PeerId peer, MessageType type, Bytes payload) {
    PeerSession session = connected.get(peer);
    return session != null && enqueue(session, type, payload);
  }

  @Override
  public void broadcast(MessageType type, Bytes payload, Predicate<PeerId> to) {
    for (Map.Entry<PeerId, PeerSession> entry : connected.entrySet()) {
      if (to.test(entry.getKey())) {
        enqueue(entry.getValue(), type, payload);
      }
    }
  }

  private boolean enqueue(PeerSession session, MessageType type, Bytes payload) {
    String label = type.name().toLowerCase(java.util.Locale.ROOT);
    if (payload.size() + 1 > config.frameBytesMax()) {
      LOG.error("Not sending a {} frame of {} bytes: above the frame limit", type, payload.size());
      metrics.p2pDroppedFrames.labelValues(label).inc();
      return false;
    }
    if (!session.enqueue(type.code(), payload)) {
      metrics.p2pDroppedFrames.labelValues(label).inc();
      return false;
    }
    metrics.p2pFramesSent.labelValues(label).inc();
    return true;
  }

  @Override
  public Set<PeerId> connectedPeers() {
    return Set.copyOf(connected.keySet());
  }

  @Override
  public List<PeerInfo> connected() {
    List<PeerSession> sessions = new ArrayList<>(connected.values());
    sessions.sort(Comparator.comparing(PeerSession::peer));
    List<PeerInfo> infos = new ArrayList<>(sessions.size());
    for (PeerSession session : sessions) {
      PeerId peer = session.peer();
      int port =
          session
              .dialed()
              .map(Enode::port)
              .orElse(
                  session.peerListenPort() > 0 ? session.peerListenPort() : remotePort(session));
      infos.add(
          new PeerInfo(
              new Enode(peer, session.remoteHost(), port).url(),
              session.remoteEndpoint(),
              allowlist.isValidator(peer)));
    }
    return List.copyOf(infos);
  }

  @Override
  public void ban(PeerId peer, BanReason reason, String detail) {
    bans.ban(peer, reason, detail);
    PeerSession session = connected.get(peer);
    if (session != null) {
      session.retire();
    }
  }

  // ---- called by sessions and dialers ----

  P2pConfig config() {
    return config;
  }

  boolean isStopped() {
    return stopped;
  }

  boolean isConnected(PeerId peer) {
    return connected.containsKey(peer);
  }

  Duration banRemaining(PeerId peer) {
    return bans.remaining(peer);
  }

  ChannelFuture dial(Enode enode, PeerSession session) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.handshakeTimeout().toMillis())
        .handler(initializer(session))
        .connect(enode.host(), enode.port());
  }

  Hello signHello(SessionBinding binding) {
    return HelloCodec.sign(
        chainId, genesisHash, head.get(), boundPort, nodeKey, Secp256k1.signer(), binding);
  }

  /**
   * Verifies a hello and, if accepted, makes {@code session} the peer's one connection and tells
   * the handler, all under the table lock so connects and disconnects reach it in order.
   */
  HelloVerdict admit(PeerSession session, Bytes encodedHello, SessionBinding binding) {
    synchronized (tableLock) {
      HelloVerdict verdict =
          verifier.verify(encodedHello, binding, session.dialed().map(Enode::id), tableView());
      if (verdict instanceof HelloVerdict.Accepted accepted) {
        PeerId peer = accepted.peer();
        PeerSession replaced = accepted.replacesExisting() ? connected.remove(peer) : null;
        if (replaced != null) {
          replaced.retire();
          handler.onDisconnected(peer);
        }
        leavePending(session);
        session.activate(peer, accepted.hello().listenPort());
        connected.put(peer, session);
        metrics.peers.set(connected.size());
        LOG.info(
            "Connected to peer {} at {} (head {})",
            peer,
            session.remoteEndpoint(),
            accepted.hello().head().number());
        handler.onConnected(peer, accepted.hello().head().number());
      }
      return verdict;
    }
  }

  void onSessionClosed(PeerSession session) {
    channels.remove(session.channel());
    PeerId peer = session.peer();
    boolean removed;
    synchronized (tableLock) {
      leavePending(session);
      removed = peer != null && connected.remove(peer, session);
      if (removed) {
        metrics.peers.set(connected.size());
        LOG.info("Disconnected from peer {}", peer);
        handler.onDisconnected(peer);
      }
    }
    if (removed) {
      for (StaticPeerDialer dialer : dialers) {
        if (dialer.enode().id().equals(peer)) {
          dialer.onPeerDisconnected();
        }
      }
    }
  }

  void deliver(PeerId peer, MessageType type, Bytes payload) {
    metrics.p2pFramesReceived.labelValues(type.name().toLowerCase(java.util.Locale.ROOT)).inc();
    handler.onMessage(peer, type, payload);
  }

  void onRefused(PeerSession session, RefusalReason reason, String detail) {
    metrics.p2pRefused.labelValues(reason.label()).inc();
    refusalLog.warn(
        session.logKey() + "/" + reason.label(),
        "Refused peer {} at {}: {} ({})",
        session.who(),
        session.remoteEndpoint(),
        reason.label(),
        detail);
  }

  /**
   * Bans the address of an inbound connection that sent garbage before any hello, unless an allowed
   * peer shares the address (a NAT, or one host running several nodes): banning it would cut that
   * peer off, so the connection is only closed.
   */
  void banAddress(PeerSession session, String detail) {
    if (session.dialed().isPresent()
        || !(session.remoteAddress() instanceof InetSocketAddress remote)) {
      return;
    }
    InetAddress address = remote.getAddress();
    if (isSharedWithAPeer(address.getHostAddress())) {
      LOG.debug("Not banning {}: an allowed peer uses that address too", address);
      return;
    }
    bans.ban(address, BanReason.GARBAGE_BEFORE_HELLO, detail);
  }

  private boolean isSharedWithAPeer(String hostAddress) {
    for (PeerSession session : connected.values()) {
      if (session.remoteHost().equals(hostAddress)) {
        return true;
      }
    }
    for (Enode enode : config.staticPeers()) {
      if (enode.host().equals(hostAddress)) {
        return true;
      }
    }
    return false;
  }

  private boolean isBannedAddress(SocketChannel channel) {
    return channel.remoteAddress() instanceof InetSocketAddress remote
        && remote.getAddress() != null
        && bans.isBanned(remote.getAddress());
  }

  void logDebug(String format, Object... arguments) {
    LOG.debug(format, arguments);
  }

  private ChannelInitializer<SocketChannel> initializer(Optional<PeerSession> dialSession) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        PeerSession session =
            dialSession.orElseGet(() -> new PeerSession(NettyPeerNetwork.this, Optional.empty()));
        if (dialSession.isEmpty() && isBannedAddress(channel)) {
          metrics.p2pRefused.labelValues(RefusalReason.BANNED_ADDRESS.label()).inc();
          refusalLog.warn(
              String.valueOf(channel.remoteAddress().getAddress()),
              "Refused a connection from banned address {}",
              channel.remoteAddress().getAddress().getHostAddress());
          ChannelFuture unused = channel.close();
          return;
        }
        if (dialSession.isEmpty() && !enterPending()) {
          metrics.p2pRefused.labelValues(RefusalReason.TOO_MANY_PENDING.label()).inc();
          ChannelFuture unused = channel.close();
          return;
        }
        if (dialSession.isEmpty()) {
          session.markPending();
        }
        channels.add(channel);
        SslHandler ssl =
            dialSession.isPresent()
                ? tls.client().newHandler(channel.alloc())
                : tls.server().newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        channel
            .pipeline()
            .addLast(
                ssl,
                new IdleStateHandler(
                    config.idleTimeout().toMillis(),
                    config.pingInterval().toMillis(),
                    0,
                    TimeUnit.MILLISECONDS),
                new FrameDecoder(config.frameBytesMax()),
                session);
      }
    };
  }

  private ChannelInitializer<SocketChannel> initializer(PeerSession dialSession) {
    return initializer(Optional.of(dialSession));
  }

  private boolean enterPending() {
    synchronized (tableLock) {
      if (pendingInbound >= config.peersMax()) {
        return false;
      }
      pendingInbound++;
      return true;
    }
  }

  private void leavePending(PeerSession session) {
    if (session.leavePending()) {
      pendingInbound--;
    }
  }

  private HelloVerifier.Connections tableView() {
    return new HelloVerifier.Connections() {
      @Override
      public boolean isBanned(PeerId peer) {
        return bans.isBanned(peer);
      }

      @Override
      public Optional<Boolean> existingDialedByUs(PeerId peer) {
        return Optional.ofNullable(connected.get(peer)).map(s -> s.dialed().isPresent());
      }

      @Override
      public int connectedCount() {
        return connected.size();
      }
    };
  }

  private void refreshAllowlist() {
    allowlist.refresh();
    for (PeerSession session : connected.values()) {
      PeerId peer = session.peer();
      if (peer != null && !allowlist.isAllowed(peer)) {
        onRefused(session, RefusalReason.NO_LONGER_ALLOWLISTED, peer.address().toString());
        session.retire();
      }
    }
  }

  private WriteBufferWaterMark waterMark() {
    int high = (int) Math.min(Integer.MAX_VALUE / 2, 2L * config.frameBytesMax());
    return new WriteBufferWaterMark(high / 2, high);
  }

  private static int remotePort(PeerSession session) {
    return session.remoteAddress() instanceof InetSocketAddress inet ? inet.getPort() : 0;
  }
}
