package io.fiscus.p2p.netty;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs refusals and penalties at WARN at most once a minute per peer (or address), DEBUG otherwise,
 * so a misconfigured or hostile peer that keeps reconnecting cannot flood the log.
 */
final class RefusalLog {
  private static final long INTERVAL_NANOS = 60_000_000_000L;
  private static final int KEYS_MAX = 1_024;

  private final Logger log;
  private final Map<String, Long> lastWarnedNanos = new HashMap<>();

  RefusalLog(Logger log) {
    this.log = log;
  }

  void warn(String key, String format, Object... arguments) {
    if (shouldWarn(key, System.nanoTime())) {
      log.warn(format, arguments);
    } else {
      log.debug(format, arguments);
    }
  }

  private synchronized boolean shouldWarn(String key, long now) {
    Long last = lastWarnedNanos.get(key);
    if (last != null && now - last < INTERVAL_NANOS) {
      return false;
    }
    if (lastWarnedNanos.size() >= KEYS_MAX) {
      lastWarnedNanos.values().removeIf(at -> now - at >= INTERVAL_NANOS);
      if (lastWarnedNanos.size() >= KEYS_MAX) {
        lastWarnedNanos.clear();
      }
    }
    lastWarnedNanos.put(key, now);
    return true;
  }
}
