package io.fiscus.client.tx;

import io.fiscus.client.Call;
import io.fiscus.client.Fiscus;
import io.fiscus.client.FiscusException;
import io.fiscus.client.TransactionRejectedException;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * Signs and submits one account's transactions with locally managed nonces, so many can be in
 * flight at once (docs/adr/0013). Submissions are handed to the node one after another in call
 * order, each only once the previous one was accepted or refused, while inclusion is awaited in
 * parallel by the {@link Tracker}: a pipeline with no nonce gaps.
 *
 * <ul>
 *   <li>The first nonce comes from {@code eth_getTransactionCount(pending)}.
 *   <li>A transaction the node refuses did not use its nonce: the next submission reuses it.
 *   <li>If the node says the nonce is wrong (too low, already pooled, too distant: another client
 *       used the key), the sender resynchronizes from the node and tries once more.
 *   <li>If the node cannot be reached, the nonce is unknown (the transaction may have arrived): the
 *       next submission resynchronizes first.
 * </ul>
 *
 * Transactions are EIP-1559 with zero fees (gas is free on Fiscus) and the exact gas of the call.
 * Thread-safe; use one sender per account and process.
 */
public final class TransactionSender {
  private static final long UNKNOWN = -1;

  private final Fiscus fiscus;
  private final Credentials credentials;
  private final long chainId;
  private final Tracker tracker;
  private final Object lock = new Object();
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

  /** Read and written only by the submission in progress; volatile for its successor's thread. */
  private volatile long nextNonce = UNKNOWN;

  /**
   * A sender.
   *
   * @param fiscus the node
   * @param credentials the account's key
   * @param chainId the chain id transactions are signed for
   * @param tracker follows what this sender submits
   */
  public TransactionSender(Fiscus fiscus, Credentials credentials, long chainId, Tracker tracker) {
    this.fiscus = fiscus;
    this.credentials = credentials;
    this.chainId = chainId;
    this.tracker = tracker;
  }

  /**
   * A sender for the node's chain: asks the node its chain id ({@code eth_chainId}, blocking).
   *
   * @param fiscus the node
   * @param credentials the account's key
   * @param tracker follows what this sender submits
   * @return the sender
   * @throws FiscusException if the node cannot be asked
   */
  public static TransactionSender create(Fiscus fiscus, Credentials credentials, Tracker tracker) {
    long chainId = Call.of(fiscus.ethChainId()).send().getChainId().longValueExact();
    return new TransactionSender(fiscus, credentials, chainId, tracker);
  }

  /**
   * The sending account.
   *
   * @return its address, lower-case hex
   */
  public String address() {
    return credentials.getAddress();
  }

  /**
   * The node this sender talks to.
   *
   * @return the client
   */
  public Fiscus fiscus() {
    return fiscus;
  }

  /**
   * The tracker that follows this sender's transactions.
   *
   * @return the tracker
   */
  public Tracker tracker() {
    return tracker;
  }

  /**
   * The nonce the next submission will use, if known without asking the node.
   *
   * @return the nonce, empty until the first submission or after a resynchronization is due
   */
  public OptionalLong nextNonce() {
    long nonce = nextNonce;
    return nonce == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(nonce);
  }

  /**
   * Signs and submits a call to a system contract, with the call's exact gas.
   *
   * @param to the contract's address
   * @param dataHex the ABI-encoded call
   * @return the accepted transaction; a refusal is a {@link TransactionRejectedException}
   */
  public Call<SubmittedTransaction> submit(String to, String dataHex) {
    return submit(to, dataHex, GasSchedule.gasLimit(to, dataHex));
  }

  /**
   * Signs and submits a call with a gas limit of the caller's choosing.
   *
   * @param to the contract's address
   * @param dataHex the ABI-encoded call
   * @param gasLimit the gas limit
   * @return the accepted transaction; a refusal is a {@link TransactionRejectedException}
   */
  public Call<SubmittedTransaction> submit(String to, String dataHex, BigInteger gasLimit) {
    return Call.of(() -> enqueue(() -> attempt(to, dataHex, gasLimit, true)));
  }

  /**
   * Submits a call and waits until it is final.
   *
   * @param to the contract's address
   * @param dataHex the ABI-encoded call
   * @return the final result
   */
  public Call<TransactionResult> execute(String to, String dataHex) {
    return submit(to, dataHex).then(SubmittedTransaction::finality);
  }

  /**
   * Forgets the local nonce and reads it again from the node ({@code pending}, so the account's
   * pooled transactions count), after the submissions already queued.
   *
   * @return the nonce the next submission will use
   */
  public Call<Long> resync() {
    return Call.of(
        () ->
            enqueue(
                () -> {
                  nextNonce = UNKNOWN;
                  return nonce();
                }));
  }

  private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> step) {
    synchronized (lock) {
      CompletableFuture<T> result =
          tail.handle((done, failed) -> null).thenCompose(previousSettled -> step.get());
      tail = result;
      return result;
    }
  }

  private CompletableFuture<SubmittedTransaction> attempt(
      String to, String dataHex, BigInteger gasLimit, boolean mayRetry) {
    return nonce()
        .thenCompose(
            nonce ->
                tracker
                    .submit(sign(nonce, to, dataHex, gasLimit), nonce)
                    .sendAsync()
                    .thenApply(
                        submitted -> {
                          nextNonce = nonce + 1;
                          return submitted;
                        })
                    .exceptionallyCompose(
                        failure -> refused(failure, nonce, to, dataHex, gasLimit, mayRetry)));
  }

  private CompletableFuture<SubmittedTransaction> refused(
      Throwable failure,
      long nonce,
      String to,
      String dataHex,
      BigInteger gasLimit,
      boolean mayRetry) {
    FiscusException error = Call.unwrap(failure);
    if (error instanceof TransactionRejectedException rejected) {
      if (!nonceWasWrong(rejected)) {
        nextNonce = nonce;
        return CompletableFuture.failedFuture(rejected);
      }
      nextNonce = UNKNOWN;
      return mayRetry
          ? attempt(to, dataHex, gasLimit, false)
          : CompletableFuture.failedFuture(rejected);
    }
    nextNonce = UNKNOWN;
    return CompletableFuture.failedFuture(error);
  }

  private static boolean nonceWasWrong(TransactionRejectedException rejected) {
    return switch (rejected.rejection()) {
      case NONCE_TOO_LOW, NONCE_ALREADY_POOLED, NONCE_TOO_DISTANT -> true;
      default -> false;
    };
  }

  private CompletableFuture<Long> nonce() {
    long known = nextNonce;
    if (known != UNKNOWN) {
      return CompletableFuture.completedFuture(known);
    }
    return Call.of(fiscus.ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING))
        .map(count -> count.getTransactionCount().longValueExact())
        .sendAsync()
        .thenApply(
            synced -> {
              nextNonce = synced;
              return synced;
            });
  }

  private String sign(long nonce, String to, String dataHex, BigInteger gasLimit) {
    RawTransaction transaction =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            gasLimit,
            to,
            BigInteger.ZERO,
            dataHex,
            BigInteger.ZERO,
            BigInteger.ZERO);
    return Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, credentials));
  }
}
