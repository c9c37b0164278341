package io.fiscus.p2p.netty;

import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.HelloCodec;
import io.fiscus.p2p.HelloVerdict;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.RefusalReason;
import io.fiscus.p2p.SessionBinding;
import io.fiscus.p2p.TokenBucket;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One connection's life: TLS, then each side sends a 32-byte challenge, then a hello signed over
 * both certificates and the other side's challenge; once the peer's hello is accepted, frames flow
 * to the handler under a per-peer rate limit. Inbound methods run on the channel's event loop;
 * {@link #enqueue} may be called from any thread.
 */
final class PeerSession extends ChannelInboundHandlerAdapter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State {
    TLS,
    AWAIT_CHALLENGE,
    AWAIT_HELLO,
    ACTIVE,
    CLOSED
  }

  private final NettyPeerNetwork network;
  private final Optional<Enode> dialed;
  private final AtomicInteger pendingFrames = new AtomicInteger();
  private volatile State state = State.TLS;
  private volatile PeerId peer;
  private volatile int peerListenPort;
  private Channel channel;
  private Bytes ourChallenge;
  private Hash ourCertificateHash;
  private Hash theirCertificateHash;
  private TokenBucket inboundBucket;
  private ScheduledFuture<?> handshakeTimeout;
  // Counted among the inbound connections not yet past the hello; guarded by the network's lock.
  private boolean pending;

  PeerSession(NettyPeerNetwork network, Optional<Enode> dialed) {
    this.network = network;
    this.dialed = dialed;
  }

  Optional<Enode> dialed() {
    return dialed;
  }

  /** The authenticated peer; null before its hello is accepted. */
  PeerId peer() {
    return peer;
  }

  int peerListenPort() {
    return peerListenPort;
  }

  Channel channel() {
    return channel;
  }

  boolean isActive() {
    return state == State.ACTIVE;
  }

  /** Whom to rate-limit refusal warnings by: the peer's id if known, else its host. */
  String logKey() {
    PeerId known = peer;
    if (known != null) {
      return known.toString();
    }
    return dialed.map(e -> e.id().toString()).orElseGet(this::remoteHost);
  }

  /** A description for logs: the peer if known, else its address. */
  String who() {
    PeerId known = peer;
    if (known != null) {
      return known.toString();
    }
    return dialed.map(e -> e.id().toString()).orElseGet(() -> String.valueOf(remoteAddress()));
  }

  SocketAddress remoteAddress() {
    return channel == null ? null : channel.remoteAddress();
  }

  /** The remote end as {@code ip:port}. */
  String remoteEndpoint() {
    return remoteAddress() instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
        : "unknown";
  }

  String remoteHost() {
    return remoteAddress() instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress()
        : "unknown";
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    handshakeTimeout =
        ctx.executor()
            .schedule(
                () -> refuse(RefusalReason.HANDSHAKE_TIMEOUT, "no accepted hello in time"),
                network.config().handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state = State.CLOSED;
    if (handshakeTimeout != null) {
      handshakeTimeout.cancel(false);
    }
    network.onSessionClosed(this);
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent completion) {
      if (completion.isSuccess()) {
        onTlsReady(ctx);
      } else if (completion.cause() instanceof NotSslRecordException) {
        refuseGarbage(RefusalReason.TLS_FAILED, "not TLS");
      } else {
        refuse(RefusalReason.TLS_FAILED, String.valueOf(completion.cause()));
      }
    } else if (event instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.WRITER_IDLE && state == State.ACTIVE) {
        ChannelFuture unused =
            ctx.writeAndFlush(FrameDecoder.encode(ctx.alloc(), FrameTypes.PING, Bytes.EMPTY));
      } else if (idle.state() == IdleState.READER_IDLE) {
        network.logDebug("closing silent connection to {}", who());
        ChannelFuture unused = ctx.close();
      }
    }
  }

  private void onTlsReady(ChannelHandlerContext ctx) {
    SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
    try {
      ourCertificateHash = TlsIdentity.hashOf(session.getLocalCertificates()[0]);
      theirCertificateHash = TlsIdentity.hashOf(session.getPeerCertificates()[0]);
    } catch (SSLPeerUnverifiedException | RuntimeException e) {
      refuse(RefusalReason.TLS_FAILED, "no peer certificate: " + e.getMessage());
      return;
    }
    byte[] challenge = new byte[SessionBinding.CHALLENGE_BYTES];
    RANDOM.nextBytes(challenge);
    ourChallenge = Bytes.wrap(challenge);
    state = State.AWAIT_CHALLENGE;
    ChannelFuture unused =
        ctx.writeAndFlush(FrameDecoder.encode(ctx.alloc(), FrameTypes.CHALLENGE, ourChallenge));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    Frame frame = (Frame) message;
    switch (state) {
      case AWAIT_CHALLENGE -> onChallenge(ctx, frame);
      case AWAIT_HELLO -> onHello(frame);
      case ACTIVE -> onFrame(frame);
      case TLS, CLOSED -> {
        // Frames after close, or none can arrive before TLS is up: ignore.
      }
    }
  }

  private void onChallenge(ChannelHandlerContext ctx, Frame frame) {
    if (frame.type() != FrameTypes.CHALLENGE
        || frame.payload().size() != SessionBinding.CHALLENGE_BYTES) {
      refuseGarbage(
          RefusalReason.PROTOCOL_VIOLATION, "expected a challenge, got type " + frame.type());
      return;
    }
    SessionBinding ours =
        new SessionBinding(ourCertificateHash, theirCertificateHash, frame.payload());
    Bytes hello = HelloCodec.encode(network.signHello(ours));
    state = State.AWAIT_HELLO;
    ChannelFuture unused =
        ctx.writeAndFlush(FrameDecoder.encode(ctx.alloc(), FrameTypes.HELLO, hello));
  }

  private void onHello(Frame frame) {
    if (frame.type() != FrameTypes.HELLO) {
      refuseGarbage(RefusalReason.PROTOCOL_VIOLATION, "expected a hello, got type " + frame.type());
      return;
    }
    SessionBinding theirs =
        new SessionBinding(theirCertificateHash, ourCertificateHash, ourChallenge);
    HelloVerdict verdict = network.admit(this, frame.payload(), theirs);
    switch (verdict) {
      case HelloVerdict.Refused refused -> onRefusedHello(refused);
      case HelloVerdict.Accepted accepted -> {
        // The network registered us and told the handler already.
      }
    }
  }

  private void onRefusedHello(HelloVerdict.Refused refused) {
    switch (refused.reason()) {
      case MALFORMED_HELLO, BAD_SIGNATURE -> refuseGarbage(refused.reason(), refused.detail());
      case WRONG_CHAIN_ID, WRONG_GENESIS -> {
        refuse(refused.reason(), refused.detail());
        // Signed, so the key is proven: a node of another network keeps away for the ban.
        refused
            .signer()
            .ifPresent(signer -> network.ban(signer, BanReason.WRONG_CHAIN, refused.detail()));
      }
      default -> refuse(refused.reason(), refused.detail());
    }
  }

  /** Called by the network, under its peer-table lock, once this session is the peer's one. */
  void activate(PeerId acceptedPeer, int listenPort) {
    peer = acceptedPeer;
    peerListenPort = listenPort;
    inboundBucket =
        new TokenBucket(
            network.config().inboundFramesBurst(),
            network.config().inboundFramesPerSecond(),
            System.nanoTime());
    handshakeTimeout.cancel(false);
    channel.pipeline().get(FrameDecoder.class).allowFullFrames();
    state = State.ACTIVE;
  }

  void markPending() {
    pending = true;
  }

  /** True the first time it is called after {@link #markPending()}. */
  boolean leavePending() {
    boolean was = pending;
    pending = false;
    return was;
  }

  /** Stops delivering frames: another connection to the same peer replaced this one. */
  void retire() {
    state = State.CLOSED;
    if (channel != null) {
      ChannelFuture unused = channel.close();
    }
  }

  private void onFrame(Frame frame) {
    if (!inboundBucket.tryTake(System.nanoTime())) {
      violated(FrameViolation.FLOOD, "more than the inbound frame rate");
      return;
    }
    if (frame.type() == FrameTypes.PING) {
      return;
    }
    Optional<MessageType> type = MessageType.ofCode(frame.type());
    if (type.isEmpty()) {
      violated(FrameViolation.UNKNOWN_TYPE, "frame type " + frame.type());
      return;
    }
    network.deliver(peer, type.get(), frame.payload());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof FrameViolationException violation) {
      if (state == State.ACTIVE) {
        violated(violation.violation(), violation.getMessage());
      } else {
        refuseGarbage(RefusalReason.PROTOCOL_VIOLATION, violation.getMessage());
      }
    } else if (root instanceof NotSslRecordException && state == State.TLS) {
      refuseGarbage(RefusalReason.TLS_FAILED, "not TLS");
    } else if (root instanceof SSLException && state == State.TLS) {
      refuse(RefusalReason.TLS_FAILED, root.getMessage());
    } else {
      network.logDebug("connection to {} failed: {}", who(), String.valueOf(root));
      ChannelFuture unused = ctx.close();
    }
  }

  private void refuse(RefusalReason reason, String detail) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    network.onRefused(this, reason, detail);
    ChannelFuture unused = channel.close();
  }

  /**
   * Refuses a connection that broke the protocol before its hello was accepted; an inbound one's
   * address is banned (nothing else is known about who sent it).
   */
  private void refuseGarbage(RefusalReason reason, String detail) {
    if (state == State.CLOSED) {
      return;
    }
    refuse(reason, detail);
    network.banAddress(this, reason.label() + ": " + detail);
  }

  private void violated(FrameViolation violation, String detail) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    network.ban(peer, violation.banReason(), detail);
    ChannelFuture unused = channel.close();
  }

  /**
   * Queues a frame without blocking: false, and nothing queued, when the peer already has {@code
   * outboundQueueFramesMax} frames waiting, or Netty's write buffer is over its high mark.
   */
  boolean enqueue(int type, Bytes payload) {
    Channel target = channel;
    if (state != State.ACTIVE || target == null) {
      return false;
    }
    int pending = pendingFrames.incrementAndGet();
    if (pending > network.config().outboundQueueFramesMax()
        || (pending > 1 && !target.isWritable())) {
      pendingFrames.decrementAndGet();
      return false;
    }
    ByteBuf header = target.alloc().buffer(FrameDecoder.HEADER_BYTES + 1);
    header.writeInt(1 + payload.size());
    header.writeByte(type);
    ByteBuf frame = Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(payload.unsafeArray()));
    target.writeAndFlush(frame).addListener(done -> pendingFrames.decrementAndGet());
    return true;
  }
}
