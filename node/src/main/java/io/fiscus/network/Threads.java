package io.fiscus.network;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The network layer's daemon threads, each with a name and a bounded backlog. */
final class Threads {
  private Threads() {}

  static ScheduledExecutorService scheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  /**
   * One thread over a queue of {@code backlogMax} tasks; {@link #offer} drops what does not fit.
   */
  static ExecutorService boundedWorker(String name, int backlogMax) {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(backlogMax),
        named(name),
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs {@code task} later unless the executor is full or shut down; true if queued. */
  static boolean offer(Executor executor, Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
