package io.fiscus.consensus.qbft;

/**
 * A timer the driver must arm. A new request replaces any pending timer of the same kind; stale
 * expiries are harmless because the core ignores them.
 */
public sealed interface TimerRequest permits TimerRequest.BlockTimer, TimerRequest.RoundTimer {
  long deadlineMillis();

  record BlockTimer(long height, long deadlineMillis) implements TimerRequest {}

  record RoundTimer(long height, int round, long deadlineMillis) implements TimerRequest {}
}
