package io.fiscus.p2p.netty;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.p2p.ChainHead;
import io.fiscus.p2p.Hello;
import io.fiscus.p2p.HelloCodec;
import io.fiscus.p2p.SessionBinding;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A hand-driven peer over a plain JDK TLS socket, independent of the Netty code under test: it
 * sends whatever the test says (forged or replayed hellos, oversize frames, garbage, floods).
 */
final class RoguePeer implements AutoCloseable {
  private final SSLSocket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  final Hash ourCertificateHash;
  final Hash theirCertificateHash;
  final Bytes ourChallenge;
  Bytes theirChallenge;

  private RoguePeer(SSLSocket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
    this.ourCertificateHash = TlsIdentity.hashOf(socket.getSession().getLocalCertificates()[0]);
    this.theirCertificateHash = TlsIdentity.hashOf(socket.getSession().getPeerCertificates()[0]);
    byte[] challenge = new byte[SessionBinding.CHALLENGE_BYTES];
    new SecureRandom().nextBytes(challenge);
    this.ourChallenge = Bytes.wrap(challenge);
  }

  /** Connects with TLS 1.3, presenting the identity kept in {@code dataDirectory}. */
  static RoguePeer connect(int port, Path dataDirectory) throws IOException {
    TlsIdentity identity = TlsIdentity.loadOrCreate(dataDirectory);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "x".toCharArray();
      store.setKeyEntry(
          "tls", identity.key(), password, new Certificate[] {identity.certificate()});
      KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(keys.getKeyManagers(), new TrustManager[] {new TrustAll()}, new SecureRandom());
      SSLSocket socket =
          (SSLSocket)
              context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      return new RoguePeer(socket);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** Reads the peer's challenge and sends ours. */
  RoguePeer exchangeChallenges() throws IOException {
    int[] type = new int[1];
    theirChallenge = readFrame(type);
    if (type[0] != FrameTypes.CHALLENGE) {
      throw new IOException("expected a challenge, got type " + type[0]);
    }
    writeFrame(FrameTypes.CHALLENGE, ourChallenge);
    return this;
  }

  /** The binding an honest hello from us must be signed over on this connection. */
  SessionBinding ourBinding() {
    return new SessionBinding(ourCertificateHash, theirCertificateHash, theirChallenge);
  }

  /** A hello from {@code key} on this connection, honest except for the given chain fields. */
  Hello hello(PrivateKey key, long chainId, Hash genesis) {
    return HelloCodec.sign(
        chainId, genesis, new ChainHead(1, Hash.ZERO), 0, key, Secp256k1.signer(), ourBinding());
  }

  void sendHello(Hello hello) throws IOException {
    writeFrame(FrameTypes.HELLO, HelloCodec.encode(hello));
  }

  /** Reads the peer's hello (which it sends after our challenge). */
  Bytes readHello() throws IOException {
    int[] type = new int[1];
    Bytes payload = readFrame(type);
    if (type[0] != FrameTypes.HELLO) {
      throw new IOException("expected a hello, got type " + type[0]);
    }
    return payload;
  }

  /** An honest handshake as {@code key}; returns the peer's hello. */
  Bytes handshake(PrivateKey key) throws IOException {
    exchangeChallenges();
    sendHello(hello(key, TestPeer.CHAIN_ID, TestPeer.GENESIS));
    return readHello();
  }

  void writeFrame(int type, Bytes payload) throws IOException {
    out.writeInt(1 + payload.size());
    out.writeByte(type);
    out.write(payload.unsafeArray());
    out.flush();
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  Bytes readFrame(int[] typeOut) throws IOException {
    int length = in.readInt();
    typeOut[0] = in.readUnsignedByte();
    byte[] payload = new byte[length - 1];
    in.readFully(payload);
    return Bytes.wrap(payload);
  }

  /** True if the peer closes the connection within the socket timeout (frames are skipped). */
  boolean closedByPeer() {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (EOFException e) {
      return true;
    } catch (IOException e) {
      return true; // reset or TLS alert: closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Plain TCP, for bytes that are not even TLS. */
  static boolean plainGarbageIsClosed(int port, byte[] garbage) throws IOException {
    try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
      plain.setSoTimeout(10_000);
      plain.getOutputStream().write(garbage);
      plain.getOutputStream().flush();
      try {
        while (plain.getInputStream().read() >= 0) {
          // skip the TLS alert
        }
        return true;
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true;
      }
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
