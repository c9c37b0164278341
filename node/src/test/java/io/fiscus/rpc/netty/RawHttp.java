package io.fiscus.rpc.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A bare HTTP/1.1 client on one socket, to see keep-alive and status codes as they are. */
final class RawHttp implements AutoCloseable {
  record Response(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  Response post(String body) throws IOException {
    return send("POST", "/", "application/json", body);
  }

  Response send(String method, String path, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    writeHead(method, path, contentType, bytes.length);
    out.write(bytes);
    out.flush();
    return read();
  }

  /** Sends a POST without waiting for its answer (read it later with {@link #read()}). */
  void postWithoutReading(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    writeHead("POST", "/", "application/json", bytes.length);
    out.write(bytes);
    out.flush();
  }

  /** Sends only the head, claiming a body of {@code contentLength} bytes. */
  Response sendHeadOnly(int contentLength) throws IOException {
    writeHead("POST", "/", "application/json", contentLength);
    out.flush();
    return read();
  }

  private void writeHead(String method, String path, String contentType, int length)
      throws IOException {
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
  }

  Response read() throws IOException {
    String statusLine = line();
    int firstSpace = statusLine.indexOf(' ');
    int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
    Map<String, String> headers = new HashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** True when the server has closed the connection. */
  boolean closedByServer() throws IOException {
    return in.read() == -1;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int next = in.read();
      if (next == -1) {
        throw new IOException("connection closed");
      }
      if (previous == '\r' && next == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
      }
      line.write(next);
      previous = next;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
