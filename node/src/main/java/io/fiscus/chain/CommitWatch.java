package io.fiscus.chain;

import io.fiscus.block.TransactionOutcome;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a thread wait until a given transaction is in a committed block (QBFT blocks are final when
 * committed). Watch the hash before the transaction can reach a block, then {@link #await} it.
 * Holds only the hashes being waited for: each leaves when its block arrives, its wait ends or it
 * is forgotten.
 */
public final class CommitWatch implements ChainListener {
  private final Map<Hash, CompletableFuture<TransactionOutcome>> watched =
      new ConcurrentHashMap<>();

  /** Starts watching for {@code transactionHash}. */
  public void watch(Hash transactionHash) {
    watched.putIfAbsent(transactionHash, new CompletableFuture<>());
  }

  /** Stops watching for {@code transactionHash} (it was refused, or nobody waits any more). */
  public void forget(Hash transactionHash) {
    watched.remove(transactionHash);
  }

  /** How many transactions are watched. */
  public int watchedCount() {
    return watched.size();
  }

  /**
   * Waits up to {@code timeout} for the watched {@code transactionHash} to be committed; returns
   * its outcome, or empty if it was not committed in time (or was not watched). Either way the hash
   * is no longer watched afterwards.
   */
  public Optional<TransactionOutcome> await(Hash transactionHash, Duration timeout)
      throws InterruptedException {
    CompletableFuture<TransactionOutcome> outcome = watched.get(transactionHash);
    if (outcome == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a commit watch is never completed exceptionally", e);
    } finally {
      watched.remove(transactionHash);
    }
  }

  /** Completes the watches of the block's transactions; runs on the committing thread. */
  @Override
  public void onBlockCommitted(CommittedBlock block) {
    if (watched.isEmpty()) {
      return;
    }
    for (int i = 0; i < block.transactions().size(); i++) {
      SignedTransaction transaction = block.transactions().get(i);
      CompletableFuture<TransactionOutcome> outcome = watched.get(transaction.hash());
      if (outcome != null) {
        outcome.complete(block.outcomes().get(i));
      }
    }
  }
}
