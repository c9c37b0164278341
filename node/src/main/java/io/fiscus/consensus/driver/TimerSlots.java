package io.fiscus.consensus.driver;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The driver's three timers (block, round, empty-block hold), each replaced by a new request of its
 * kind. An expiry posts a {@link LoopInput} to the driver thread; a stale expiry is harmless. Used
 * from the driver thread only.
 */
final class TimerSlots {
  private final Consumer<LoopInput> post;
  private ScheduledExecutorService scheduler;
  private ScheduledFuture<?> block;
  private ScheduledFuture<?> round;
  private ScheduledFuture<?> hold;

  TimerSlots(Consumer<LoopInput> post) {
    this.post = post;
  }

  void use(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  void block(LoopInput input, long delayMillis) {
    cancel(block);
    block = schedule(input, delayMillis);
  }

  void round(LoopInput input, long delayMillis) {
    cancel(round);
    round = schedule(input, delayMillis);
  }

  void hold(long delayMillis) {
    cancel(hold);
    hold = schedule(new LoopInput.HoldCheck(), delayMillis);
  }

  void cancelHold() {
    cancel(hold);
    hold = null;
  }

  void cancelAll() {
    cancel(block);
    cancel(round);
    cancel(hold);
  }

  private ScheduledFuture<?> schedule(LoopInput input, long delayMillis) {
    return scheduler.schedule(
        () -> post.accept(input), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
