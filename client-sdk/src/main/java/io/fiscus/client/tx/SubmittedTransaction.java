package io.fiscus.client.tx;

import io.fiscus.client.Call;
import java.util.concurrent.CompletableFuture;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A transaction the node accepted into its pool, being followed by a {@link Tracker}: first
 * <em>included</em> (a receipt exists), then <em>final</em> (the tracker's finality check, if any,
 * passed). Both futures are shared: every caller sees the same outcome.
 */
public final class SubmittedTransaction {
  private final String transactionHash;
  private final long nonce;
  private final CompletableFuture<TransactionReceipt> inclusion;
  private final CompletableFuture<TransactionResult> finality;

  SubmittedTransaction(
      String transactionHash,
      long nonce,
      CompletableFuture<TransactionReceipt> inclusion,
      CompletableFuture<TransactionResult> finality) {
    this.transactionHash = transactionHash;
    this.nonce = nonce;
    this.inclusion = inclusion;
    this.finality = finality;
  }

  /**
   * The transaction's hash.
   *
   * @return {@code 0x} and 64 hex digits
   */
  public String transactionHash() {
    return transactionHash;
  }

  /**
   * The nonce it was signed with.
   *
   * @return the nonce
   */
  public long nonce() {
    return nonce;
  }

  /**
   * The receipt once a committed block holds the transaction, reverted or not; fails with {@link
   * io.fiscus.client.NotFinalException} at the tracker's timeout.
   *
   * @return the inclusion, as a call
   */
  public Call<TransactionReceipt> inclusion() {
    return Call.of(() -> inclusion.thenApply(receipt -> receipt));
  }

  /**
   * The final result; fails with {@link io.fiscus.client.TransactionRevertedException} if the call
   * reverted, {@link io.fiscus.client.NotFinalException} at the timeout, or the finality check's
   * exception.
   *
   * @return the finality, as a call
   */
  public Call<TransactionResult> finality() {
    return Call.of(() -> finality.thenApply(result -> result));
  }

  @Override
  public String toString() {
    return "SubmittedTransaction[" + transactionHash + ", nonce " + nonce + "]";
  }
}
