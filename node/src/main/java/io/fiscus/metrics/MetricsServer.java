package io.fiscus.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code GET /metrics} in the Prometheus text format on its own port, on one thread: a
 * scrape every few seconds needs no more, and it keeps metrics traffic away from the RPC server.
 */
public final class MetricsServer implements AutoCloseable {
  private final NodeMetrics metrics;
  private final String host;
  private final int port;
  private HttpServer server;
  private ExecutorService executor;

  public MetricsServer(NodeMetrics metrics, String host, int port) {
    this.metrics = metrics;
    this.host = host;
    this.port = port;
  }

  public void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for metrics on " + host + ":" + port, e);
    }
    executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-http"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          || !"/metrics".equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
      writer.write(body, metrics.registry().scrape());
      exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
