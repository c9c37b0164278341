package io.fiscus.rpc.netty;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, run one at a time on the dispatch executor and answered in arrival
 * order on the connection's event loop. While a request is waiting or running the connection stops
 * reading, and reading resumes only when the answer has been written: a client that does not read
 * its answers cannot make the server buffer more. Confined to the connection's event loop.
 */
final class ConnectionQueue {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionQueue.class);

  /** Writes a request's answer; returns the write's future, or null if nothing was written. */
  interface Completion {
    /**
     * Writes the answer.
     *
     * @param response the dispatcher's answer (empty for notifications only)
     * @param busy true if the dispatch executor refused the request: answer "Limit exceeded"
     */
    ChannelFuture complete(Optional<String> response, boolean busy);
  }

  private record Job(Supplier<Optional<String>> work, Completion completion) {}

  private final ChannelHandlerContext ctx;
  private final Executor executor;
  private final int waitingMax;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private boolean running;

  ConnectionQueue(ChannelHandlerContext ctx, Executor executor, int waitingMax) {
    this.ctx = ctx;
    this.executor = executor;
    this.waitingMax = waitingMax;
  }

  /** Queues a request; false if the connection already has {@code waitingMax} waiting. */
  boolean enqueue(Supplier<Optional<String>> work, Completion completion) {
    if (waiting.size() >= waitingMax) {
      return false;
    }
    waiting.add(new Job(work, completion));
    ctx.channel().config().setAutoRead(false);
    runNext();
    return true;
  }

  private void runNext() {
    if (running) {
      return;
    }
    Job job = waiting.poll();
    if (job == null) {
      if (ctx.channel().isActive()) {
        ctx.channel().config().setAutoRead(true);
      }
      return;
    }
    running = true;
    try {
      executor.execute(() -> run(job));
    } catch (RejectedExecutionException e) {
      finish(job, Optional.empty(), true);
    }
  }

  private void run(Job job) {
    Optional<String> response;
    try {
      response = job.work().get();
    } catch (RuntimeException e) {
      // The dispatcher answers every method failure itself; reaching here is a bug.
      LOG.warn("JSON-RPC dispatch failed; closing the connection", e);
      ctx.executor().execute(() -> closeQuietly(ctx));
      return;
    }
    ctx.executor().execute(() -> finish(job, response, false));
  }

  private static void closeQuietly(ChannelHandlerContext ctx) {
    ChannelFuture unused = ctx.close();
  }

  private void finish(Job job, Optional<String> response, boolean busy) {
    ChannelFuture written = job.completion().complete(response, busy);
    if (written == null) {
      done();
    } else {
      written.addListener(future -> done());
    }
  }

  private void done() {
    running = false;
    runNext();
  }
}
