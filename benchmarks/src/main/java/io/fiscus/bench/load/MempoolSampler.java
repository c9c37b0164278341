package io.fiscus.bench.load;

import java.util.Map;
import java.util.Optional;

/** Samples the node's mempool gauges twice a second during a run and keeps the peak. */
public final class MempoolSampler {
  private static final long PERIOD_MILLIS = 500;

  private final NodeMetricsReader metrics;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long peak;

  public MempoolSampler(NodeMetricsReader metrics) {
    this.metrics = metrics;
    this.thread = new Thread(this::sample, "mempool-sampler");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Stops sampling; returns the most transactions (pending + queued) the pool held. */
  public long stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return peak;
  }

  private void sample() {
    while (!stopped) {
      Optional<Map<String, Double>> scraped = metrics.scrape();
      if (scraped.isPresent()) {
        long held =
            (long)
                (PrometheusText.total(scraped.get(), "fiscus_mempool_pending")
                    + PrometheusText.total(scraped.get(), "fiscus_mempool_queued"));
        peak = Math.max(peak, held);
      }
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException stopping) {
        return;
      }
    }
  }
}
