package io.fiscus.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Scrapes the node's Prometheus endpoint; a failed scrape is empty, never fatal to the run. */
public final class NodeMetricsReader {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI metricsUri;

  public NodeMetricsReader(URI metricsUri) {
    this.metricsUri = metricsUri;
  }

  public Optional<Map<String, Double>> scrape() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? Optional.of(PrometheusText.parse(response.body()))
          : Optional.empty();
    } catch (IOException unreachable) {
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
