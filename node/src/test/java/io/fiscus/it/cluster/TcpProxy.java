package io.fiscus.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of one node's p2p port, used by exactly one dialling node, so a
 * test can partition the link between the two without touching either process. Three states:
 *
 * <ul>
 *   <li>{@link #open()}: bytes flow both ways;
 *   <li>{@link #stall()}: the connections stay up but no byte moves in either direction (a silent
 *       partition: TCP's buffers fill and the senders' writes stop draining); {@link #open()}
 *       releases what was held, in order, as a healed network would;
 *   <li>{@link #cut()}: every connection is closed and new ones are accepted and closed at once (a
 *       partition the endpoints notice).
 * </ul>
 *
 * One virtual thread per direction per connection; the relay is for tests with a handful of links.
 */
public final class TcpProxy implements AutoCloseable {
  /** What the link does with traffic now. */
  public enum State {
    OPEN,
    STALLED,
    CUT
  }

  private static final int BUFFER_BYTES = 16 * 1024;

  private final String name;
  private final int targetPort;
  private final ServerSocket listener;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private final AtomicLong connectionsAccepted = new AtomicLong();
  private final AtomicLong connectionsRefused = new AtomicLong();
  private volatile State state = State.OPEN;
  private volatile boolean closed;
  private Thread acceptor;

  /** Binds a loopback port now (so its number can go into bootnodes before any node starts). */
  public TcpProxy(String name, int targetPort) {
    this.name = name;
    this.targetPort = targetPort;
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void start() {
    acceptor = Thread.ofVirtual().name("proxy-" + name).start(this::acceptLoop);
  }

  /** The loopback port dialling nodes connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  public State state() {
    return state;
  }

  public long connectionsAccepted() {
    return connectionsAccepted.get();
  }

  public long connectionsRefused() {
    return connectionsRefused.get();
  }

  /** Lets bytes flow again; bytes held by a stall are delivered. */
  public void open() {
    synchronized (gate) {
      state = State.OPEN;
      gate.notifyAll();
    }
  }

  /** Holds every byte in both directions; connections stay established. */
  public void stall() {
    synchronized (gate) {
      state = State.STALLED;
    }
  }

  /** Closes every connection and refuses new ones until {@link #open()}. */
  public void cut() {
    synchronized (gate) {
      state = State.CUT;
      gate.notifyAll();
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket inbound;
      try {
        inbound = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (state == State.CUT) {
        connectionsRefused.incrementAndGet();
        closeQuietly(inbound);
        continue;
      }
      connectionsAccepted.incrementAndGet();
      Thread.ofVirtual().name("proxy-" + name + "-connect").start(() -> relay(inbound));
    }
  }

  private void relay(Socket inbound) {
    Socket outbound = new Socket();
    try {
      inbound.setTcpNoDelay(true);
      outbound.setTcpNoDelay(true);
      outbound.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
    } catch (IOException targetDown) {
      closeQuietly(inbound);
      closeQuietly(outbound);
      return;
    }
    sockets.add(inbound);
    sockets.add(outbound);
    if (state == State.CUT) {
      closePair(inbound, outbound);
      return;
    }
    Thread.ofVirtual().name("proxy-" + name + "-in").start(() -> pump(inbound, outbound));
    Thread.ofVirtual().name("proxy-" + name + "-out").start(() -> pump(outbound, inbound));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      while (true) {
        // Waiting before the read (not only before the write) makes a stall back-pressure the
        // sender through TCP, as a real partition does, instead of buffering here without bound.
        if (!awaitPassable()) {
          break;
        }
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        if (!awaitPassable()) {
          break;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (SocketException closedByCutOrPeer) {
      // the connection ended: a cut, the node's own close, or the node died
    } catch (IOException e) {
      // same: an ended connection is the normal end of a relay
    } finally {
      closePair(from, to);
    }
  }

  /** Blocks while stalled; false once the link is cut or the proxy closed. */
  private boolean awaitPassable() {
    synchronized (gate) {
      while (state == State.STALLED && !closed) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return state == State.OPEN && !closed;
    }
  }

  private void closePair(Socket first, Socket second) {
    closeQuietly(first);
    closeQuietly(second);
    sockets.remove(first);
    sockets.remove(second);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyBroken) {
      // nothing left to release
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (gate) {
      gate.notifyAll();
    }
    try {
      listener.close();
    } catch (IOException alreadyClosed) {
      // nothing left to release
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    if (acceptor != null) {
      acceptor.interrupt();
    }
  }

  @Override
  public String toString() {
    return "proxy " + name + " :" + port() + " -> :" + targetPort + " " + state;
  }
}
