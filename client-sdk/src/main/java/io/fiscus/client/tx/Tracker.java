package io.fiscus.client.tx;

import io.fiscus.client.Call;
import io.fiscus.client.FinalityCheck;
import io.fiscus.client.Fiscus;
import io.fiscus.client.FiscusException;
import io.fiscus.client.NotFinalException;
import io.fiscus.client.RevertReasons;
import io.fiscus.client.TransactionRejectedException;
import io.fiscus.client.TransactionRevertedException;
import io.fiscus.client.UnauthorizedException;
import io.fiscus.client.events.LedgerEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Async;

/**
 * Submits signed transactions and follows them until they are final. One background thread watches
 * the node's head; whenever it advances (or a transaction was just added) it asks for the receipts
 * of the transactions still pending, so many transactions in flight cost one head poll per
 * interval, not one receipt poll each. A transaction without a receipt when its timeout passes
 * fails with {@link NotFinalException}; the node being down for a while only delays the answer.
 *
 * <p>In QBFT a committed block is final: "final" is "in a block the node committed", plus the
 * optional {@link FinalityCheck} (e.g. the finality helper's verifier of the node's proof) passing.
 * A reverted transaction throws {@link TransactionRevertedException}, so a {@link
 * TransactionResult} always means success. Close the tracker to stop its thread.
 */
public final class Tracker implements AutoCloseable {
  /** How long a transaction is followed by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How often the head is polled by default. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

  private final Fiscus fiscus;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Optional<FinalityCheck> finalityCheck;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** Transactions asked about at least once; the others are asked about even if the head stood. */
  private final Map<String, Boolean> asked = new ConcurrentHashMap<>();

  private final Object startLock = new Object();
  private ScheduledExecutorService poller;
  private boolean closed;
  private long checkedHead = -1;

  private record Pending(
      String hash, long deadlineNanos, CompletableFuture<TransactionReceipt> inclusion) {}

  /**
   * A tracker with the default timeout and poll interval and no finality check.
   *
   * @param fiscus the node
   */
  public Tracker(Fiscus fiscus) {
    this(fiscus, DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL, Optional.empty());
  }

  /**
   * A tracker.
   *
   * @param fiscus the node
   * @param timeout how long to follow a transaction before {@link NotFinalException}
   * @param pollInterval how often to poll the head
   * @param finalityCheck run on every included transaction before it is called final
   */
  public Tracker(
      Fiscus fiscus,
      Duration timeout,
      Duration pollInterval,
      Optional<FinalityCheck> finalityCheck) {
    if (timeout.isNegative() || timeout.isZero() || pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException("timeout and poll interval must be positive");
    }
    this.fiscus = fiscus;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
    this.finalityCheck = finalityCheck;
  }

  /**
   * The same tracker settings with a finality check (a new tracker; this one is unchanged).
   *
   * @param check the check, e.g. {@code new FinalityVerifier(...)::verify}
   * @return the new tracker
   */
  public Tracker withFinalityCheck(FinalityCheck check) {
    return new Tracker(fiscus, timeout, pollInterval, Optional.of(check));
  }

  /**
   * How long a transaction is followed.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends a signed transaction ({@code eth_sendRawTransaction}) and starts following it. The call
   * completes when the node has accepted it; a refusal is a {@link TransactionRejectedException}.
   * If the node already holds the very same transaction ({@code Known transaction}), it counts as
   * accepted.
   *
   * @param signedTransactionHex the signed transaction, {@code 0x} hex
   * @return the accepted transaction
   */
  public Call<SubmittedTransaction> submit(String signedTransactionHex) {
    return submit(signedTransactionHex, -1);
  }

  Call<SubmittedTransaction> submit(String signedTransactionHex, long nonce) {
    String hash = Hash.sha3(signedTransactionHex);
    return Call.of(() -> fiscus.ethSendRawTransaction(signedTransactionHex).sendAsync())
        .map(response -> accepted(response, hash, nonce));
  }

  private SubmittedTransaction accepted(EthSendTransaction response, String hash, long nonce) {
    if (response.hasError()) {
      Response.Error error = response.getError();
      if (error.getCode() == UnauthorizedException.UNAUTHORIZED) {
        throw new UnauthorizedException(
            "eth_sendRawTransaction", error.getMessage(), error.getData());
      }
      TransactionRejectedException rejected =
          new TransactionRejectedException(
              response.getError().getCode(),
              response.getError().getMessage(),
              response.getError().getData());
      if (rejected.rejection() != TransactionRejectedException.Rejection.KNOWN_TRANSACTION) {
        throw rejected;
      }
    }
    return follow(hash, nonce);
  }

  /**
   * Follows a transaction already sent, by hash.
   *
   * @param transactionHash the transaction
   * @return the transaction being followed
   */
  public SubmittedTransaction follow(String transactionHash) {
    return follow(transactionHash, -1);
  }

  private SubmittedTransaction follow(String hash, long nonce) {
    CompletableFuture<TransactionReceipt> inclusion = new CompletableFuture<>();
    synchronized (startLock) {
      if (closed) {
        inclusion.completeExceptionally(new FiscusException("the tracker is closed"));
        return new SubmittedTransaction(
            hash, nonce, inclusion, inclusion.thenApply(receipt -> finish(hash, receipt)));
      }
    }
    Pending entry = new Pending(hash, System.nanoTime() + timeout.toNanos(), inclusion);
    Pending existing = pending.putIfAbsent(hash, entry);
    CompletableFuture<TransactionReceipt> shared =
        existing == null ? inclusion : existing.inclusion;
    if (existing == null) {
      startPolling();
    }
    CompletableFuture<TransactionResult> finality =
        shared.thenCompose(receipt -> Async.run(() -> finish(hash, receipt)));
    return new SubmittedTransaction(hash, nonce, shared, finality);
  }

  private TransactionResult finish(String hash, TransactionReceipt receipt) {
    if (!receipt.isStatusOK()) {
      String reason = RevertReasons.decode(receipt.getRevertReason()).orElse("reverted");
      throw new TransactionRevertedException(reason, hash, receipt);
    }
    finalityCheck.ifPresent(check -> check.check(hash));
    return new TransactionResult(
        hash, receipt, LedgerEvents.decode(receipt), finalityCheck.isPresent());
  }

  private void startPolling() {
    synchronized (startLock) {
      if (poller == null && !closed) {
        poller =
            Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "fiscus-tracker");
                  thread.setDaemon(true);
                  return thread;
                });
        long millis = pollInterval.toMillis();
        // Runs until shutdownNow(); poll() never throws, so the future holds nothing to read.
        var unused = poller.scheduleWithFixedDelay(this::poll, 0, millis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** One round on the poller thread: never throws, or the schedule would stop. */
  private void poll() {
    try {
      expireOverdue();
      if (pending.isEmpty()) {
        return;
      }
      long head = fiscus.ethBlockNumber().send().getBlockNumber().longValueExact();
      if (head == checkedHead && noNewcomers()) {
        return;
      }
      checkReceipts();
      checkedHead = head;
    } catch (IOException | RuntimeException unreachable) {
      // The node is down or answered badly: try again next round until the deadlines pass.
    }
  }

  private boolean noNewcomers() {
    return pending.keySet().stream().allMatch(asked::containsKey);
  }

  private void checkReceipts() {
    List<CompletableFuture<?>> lookups = new ArrayList<>();
    for (Pending entry : pending.values()) {
      asked.put(entry.hash, Boolean.TRUE);
      lookups.add(
          fiscus
              .ethGetTransactionReceipt(entry.hash)
              .sendAsync()
              .thenAccept(
                  response -> {
                    if (!response.hasError()) {
                      response.getTransactionReceipt().ifPresent(r -> included(entry, r));
                    }
                  }));
    }
    CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(failure -> null)
        .join();
  }

  private void included(Pending entry, TransactionReceipt receipt) {
    pending.remove(entry.hash);
    asked.remove(entry.hash);
    entry.inclusion.complete(receipt);
  }

  private void expireOverdue() {
    long now = System.nanoTime();
    for (Pending entry : List.copyOf(pending.values())) {
      if (now - entry.deadlineNanos > 0) {
        pending.remove(entry.hash);
        asked.remove(entry.hash);
        entry.inclusion.completeExceptionally(new NotFinalException(entry.hash, timeout));
      }
    }
  }

  /**
   * Stops the poller; transactions still followed, and any followed afterwards, fail with a {@link
   * FiscusException}.
   */
  @Override
  public void close() {
    synchronized (startLock) {
      closed = true;
      if (poller != null) {
        poller.shutdownNow();
        poller = null;
      }
    }
    for (Pending entry : List.copyOf(pending.values())) {
      pending.remove(entry.hash);
      entry.inclusion.completeExceptionally(
          new FiscusException("tracker closed while following " + entry.hash));
    }
  }
}
