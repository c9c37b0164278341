package io.fiscus.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a Prometheus text exposition, keyed by series (name with its labels, as written).
 * Enough to read the node's counters and histogram sums; comments and malformed lines are skipped.
 */
public final class PrometheusText {
  private PrometheusText() {}

  public static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int labelsEnd = line.lastIndexOf('}');
      int valueStart = line.indexOf(' ', Math.max(labelsEnd, 0));
      if (valueStart < 0) {
        continue;
      }
      String series = line.substring(0, valueStart).trim();
      String[] rest = line.substring(valueStart).trim().split("\\s+", -1);
      try {
        samples.put(series, Double.parseDouble(rest[0]));
      } catch (NumberFormatException malformed) {
        // Not a sample line; the exposition format allows nothing else, so skip it.
      }
    }
    return samples;
  }

  /** The sum of every series of metric {@code name} (all label sets); 0 if none. */
  public static double total(Map<String, Double> samples, String name) {
    double sum = 0;
    for (Map.Entry<String, Double> sample : samples.entrySet()) {
      String series = sample.getKey();
      if (series.equals(name) || series.startsWith(name + "{")) {
        sum += sample.getValue();
      }
    }
    return sum;
  }
}
