package io.fiscus.p2p.netty;

/**
 * Type bytes the transport uses itself, outside {@link io.fiscus.p2p.MessageType}'s range: they
 * never reach the handler. A challenge and a hello open each connection; pings keep an idle one
 * alive so that a half-open connection is noticed.
 */
final class FrameTypes {
  static final int CHALLENGE = 0x70;
  static final int HELLO = 0x71;
  static final int PING = 0x72;

  private FrameTypes() {}
}
