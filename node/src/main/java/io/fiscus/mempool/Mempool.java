package io.fiscus.mempool;

import io.fiscus.chain.ChainListener;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.Keccak;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.state.StateView;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionAdmission;
import io.fiscus.tx.TransactionCodec;
import io.fiscus.tx.TransactionDecoding;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The transaction pool: per-sender nonce queues under global, per-sender and byte bounds.
 *
 * <p>Submission runs the stateless checks (size, decoding, signature recovery, chain id, gas) and a
 * first state check outside the lock, so RPC threads recover senders in parallel; only the
 * bookkeeping runs under the pool's monitor. If a block was committed between the state check and
 * the lock, the state check is repeated under the lock, so a transaction is never pooled on a nonce
 * that a committed block already consumed.
 *
 * <p>Gas: every Fiscus function has a fixed cost ({@link BlockExecutor#gasCost}), which is both the
 * minimum gas limit a transaction needs and exactly the gas it uses. {@link #select} therefore
 * packs blocks by that cost, the executor's own includability rule, not by the transactions' gas
 * limits (which clients set with headroom and would leave blocks mostly empty).
 *
 * <p>Replacement: gas is free, so there is no fee to outbid; a second transaction for a pooled
 * (sender, nonce) is refused with {@link PoolRejection#REPLACEMENT_NOT_ALLOWED}.
 *
 * <p>When full, the pool refuses new transactions rather than evicting pooled ones: senders are
 * registered and bounded individually, and queued transactions leave when their sender's nonce
 * passes them or the sender is frozen.
 */
public final class Mempool implements TransactionPool, ChainListener {
  private final MempoolConfig config;
  private final long blockGasLimit;
  private final Supplier<StateView> latestState;
  private final BlockExecutor executor;
  private final NodeMetrics metrics;
  private final TransactionAdmission admission;
  private final List<Runnable> availabilityListeners = new CopyOnWriteArrayList<>();

  /** Every pooled transaction; concurrent so duplicates and lookups skip the lock. */
  private final Map<Hash, PooledTransaction> byHash = new ConcurrentHashMap<>();

  /** Guarded by {@code this}; iteration order is first arrival, the fair selection order. */
  private final LinkedHashMap<Address, SenderQueue> senders = new LinkedHashMap<>();

  /** Blocks seen by {@link #onBlockCommitted}; written under the lock, read before state checks. */
  private volatile long blocksSeen;

  private int transactionsTotal; // guarded by this
  private int pendingTotal; // guarded by this
  private long bytesTotal; // guarded by this

  /**
   * @param config the pool's bounds
   * @param chainId the chain id transactions must be signed for
   * @param blockGasLimit the block gas limit no transaction's gas limit may exceed
   * @param latestState the latest committed state, read for nonces and registry accounts
   * @param executor the cost of each transaction
   * @param metrics where rejections, evictions and the pool's size are reported
   */
  public Mempool(
      MempoolConfig config,
      long chainId,
      long blockGasLimit,
      Supplier<StateView> latestState,
      BlockExecutor executor,
      NodeMetrics metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.blockGasLimit = blockGasLimit;
    this.latestState = Objects.requireNonNull(latestState, "latestState");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.admission =
        new TransactionAdmission(
            chainId,
            config.rawBytesMax(),
            config.dataBytesMax(),
            TransactionCodec.withDefaultRecovery());
  }

  /**
   * Checks in order: size, known hash, decoding and signature, chain id, gas (cost, block limit),
   * sender registered and not frozen, nonce (too low, too distant), nonce already pooled, sender
   * and pool bounds. A refusal changes nothing and is counted in {@code
   * fiscus_mempool_rejected_total} under the reason's lower-case name (e.g. {@code nonce_too_low}).
   */
  @Override
  public Submission submit(Bytes raw) {
    Submission submission = decideAndPool(raw);
    if (submission instanceof Submission.Rejected rejected) {
      metrics.mempoolRejected.labelValues(rejected.reason().name().toLowerCase(Locale.ROOT)).inc();
    }
    return submission;
  }

  private Submission decideAndPool(Bytes raw) {
    // A resubmitted transaction is refused before paying for sender recovery: its hash is
    // keccak256 of exactly these (canonical) bytes.
    if (raw.size() <= config.rawBytesMax()) {
      Hash hash = Keccak.hash(raw);
      if (byHash.containsKey(hash)) {
        return known(hash);
      }
    }
    SignedTransaction transaction;
    switch (admission.admit(raw)) {
      case TransactionDecoding.Rejected rejected -> {
        return AdmissionRejections.toPool(rejected);
      }
      case TransactionDecoding.Decoded decoded -> transaction = decoded.transaction();
    }
    long gasCost = executor.gasCost(transaction);
    Optional<Submission.Rejected> gasRefusal = checkGas(transaction, gasCost);
    if (gasRefusal.isPresent()) {
      return gasRefusal.get();
    }
    StateCheck stateCheck = checkState(transaction);
    return pool(new PooledTransaction(transaction, gasCost), stateCheck);
  }

  private Optional<Submission.Rejected> checkGas(SignedTransaction transaction, long gasCost) {
    if (transaction.gasLimit() < gasCost) {
      return refuse(
          PoolRejection.INTRINSIC_GAS_EXCEEDS_GAS_LIMIT,
          "gas limit " + transaction.gasLimit() + " below the call's cost " + gasCost);
    }
    if (transaction.gasLimit() > blockGasLimit) {
      return refuse(
          PoolRejection.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit " + transaction.gasLimit() + " above the block gas limit " + blockGasLimit);
    }
    return Optional.empty();
  }

  /** A state check's verdict and the state nonce it saw, tagged with the blocks seen before it. */
  private record StateCheck(
      long blocksSeen, long stateNonce, Optional<Submission.Rejected> refusal) {}

  private StateCheck checkState(SignedTransaction transaction) {
    long seen = blocksSeen; // read before the state: a later block forces a re-check
    StateView state = latestState.get();
    Address sender = transaction.sender();
    Optional<RegistryAccount> account = RegistryStore.account(state, sender);
    if (account.isEmpty()) {
      return new StateCheck(
          seen,
          0,
          refuse(PoolRejection.SENDER_NOT_AUTHORIZED, sender.toHex() + " is not registered"));
    }
    if (account.get().frozen()) {
      return new StateCheck(
          seen, 0, refuse(PoolRejection.SENDER_FROZEN, sender.toHex() + " is frozen"));
    }
    long stateNonce = state.nonce(sender);
    long nonce = transaction.nonce();
    Optional<Submission.Rejected> refusal = Optional.empty();
    if (nonce < stateNonce) {
      refusal =
          refuse(
              PoolRejection.NONCE_TOO_LOW,
              "nonce " + nonce + ", sender's next nonce " + stateNonce);
    } else if (nonce - stateNonce > config.nonceDistanceMax()) {
      refusal =
          refuse(
              PoolRejection.NONCE_TOO_DISTANT,
              "nonce "
                  + nonce
                  + " is more than "
                  + config.nonceDistanceMax()
                  + " ahead of the sender's next nonce "
                  + stateNonce);
    }
    return new StateCheck(seen, stateNonce, refusal);
  }

  private Submission pool(PooledTransaction pooled, StateCheck outsideLock) {
    SignedTransaction transaction = pooled.transaction();
    boolean becameAvailable;
    synchronized (this) {
      StateCheck check =
          outsideLock.blocksSeen() == blocksSeen ? outsideLock : checkState(transaction);
      if (check.refusal().isPresent()) {
        return check.refusal().get();
      }
      Optional<Submission.Rejected> refusal = checkRoom(pooled);
      if (refusal.isPresent()) {
        return refusal.get();
      }
      SenderQueue queue =
          senders.computeIfAbsent(transaction.sender(), s -> new SenderQueue(check.stateNonce()));
      int pendingBefore = pendingTotal;
      pendingTotal += queue.add(pooled);
      byHash.put(transaction.hash(), pooled);
      transactionsTotal++;
      bytesTotal += pooled.rawBytes();
      updateGauges();
      becameAvailable = pendingBefore == 0 && pendingTotal > 0;
    }
    if (becameAvailable) {
      notifyAvailable();
    }
    return new Submission.Accepted(transaction.hash());
  }

  /** Duplicates, nonce conflicts and bounds; called under the lock. */
  private Optional<Submission.Rejected> checkRoom(PooledTransaction pooled) {
    SignedTransaction transaction = pooled.transaction();
    if (byHash.containsKey(transaction.hash())) {
      return Optional.of(known(transaction.hash()));
    }
    SenderQueue queue = senders.get(transaction.sender());
    if (queue != null && queue.holdsNonce(transaction.nonce())) {
      return refuse(
          PoolRejection.REPLACEMENT_NOT_ALLOWED,
          "another transaction from "
              + transaction.sender().toHex()
              + " with nonce "
              + transaction.nonce()
              + " is pooled; gas is free, so none replaces it");
    }
    if (queue != null && queue.size() >= config.perSenderMax()) {
      return refuse(
          PoolRejection.SENDER_QUEUE_FULL,
          transaction.sender().toHex()
              + " already has "
              + config.perSenderMax()
              + " pooled transactions");
    }
    if (transactionsTotal >= config.transactionsMax()) {
      return refuse(
          PoolRejection.POOL_FULL, "the pool holds " + config.transactionsMax() + " transactions");
    }
    if (bytesTotal + pooled.rawBytes() > config.bytesMax()) {
      return refuse(
          PoolRejection.POOL_FULL, "the pool holds " + bytesTotal + " bytes of transactions");
    }
    return Optional.empty();
  }

  /**
   * Transactions for the next block: each sender's pending run in nonce order, senders taken one
   * transaction per round in order of first arrival. A sender whose next transaction's cost does
   * not fit the gas left contributes nothing more (its later nonces would leave a gap); the others
   * go on. Costs {@code O(selected + senders)}.
   */
  @Override
  public synchronized List<SignedTransaction> select(long gasLimit, int countMax) {
    if (countMax <= 0) {
      return List.of();
    }
    List<SignedTransaction> selected = new ArrayList<>(Math.min(countMax, pendingTotal));
    SelectionRounds rounds = new SelectionRounds(senders.values().iterator());
    long gasLeft = gasLimit;
    while (selected.size() < countMax && rounds.hasNext()) {
      Iterator<PooledTransaction> turn = rounds.next();
      PooledTransaction pooled = turn.next();
      if (pooled.gasCost() > gasLeft) {
        continue; // this sender is done: its turn is not put back
      }
      selected.add(pooled.transaction());
      gasLeft -= pooled.gasCost();
      rounds.putBack(turn);
    }
    return selected;
  }

  @Override
  public void onBlockCommitted(CommittedBlock block) {
    boolean becameAvailable;
    synchronized (this) {
      blocksSeen++;
      int pendingBefore = pendingTotal;
      Set<Hash> included = new HashSet<>();
      Set<Address> touched = new LinkedHashSet<>();
      boolean registryChanged = false;
      for (int i = 0; i < block.transactions().size(); i++) {
        SignedTransaction transaction = block.transactions().get(i);
        included.add(transaction.hash());
        if (senders.containsKey(transaction.sender())) {
          touched.add(transaction.sender());
        }
        registryChanged |=
            transaction.to().equals(Optional.of(SystemAddresses.REGISTRY))
                && block.outcomes().get(i).receipt().success();
      }
      // Only a sender's own transactions move its nonce, but a successful Registry call may have
      // frozen any sender: then every sender with pooled transactions is checked.
      List<Address> toCheck = new ArrayList<>(registryChanged ? senders.keySet() : touched);
      StateView state = latestState.get();
      for (Address sender : toCheck) {
        refreshSender(sender, state, included);
      }
      updateGauges();
      becameAvailable = pendingBefore == 0 && pendingTotal > 0;
    }
    if (becameAvailable) {
      notifyAvailable();
    }
  }

  /** Re-reads one sender's state: drops what it can no longer send and recounts its run. */
  private void refreshSender(Address sender, StateView state, Set<Hash> included) {
    SenderQueue queue = senders.get(sender);
    int pendingBefore = queue.pendingCount();
    Optional<RegistryAccount> account = RegistryStore.account(state, sender);
    boolean maySend = account.isPresent() && !account.get().frozen();
    List<PooledTransaction> removed =
        maySend ? queue.advanceTo(state.nonce(sender)) : queue.removeAll();
    long evicted = 0;
    for (PooledTransaction pooled : removed) {
      byHash.remove(pooled.transaction().hash());
      transactionsTotal--;
      bytesTotal -= pooled.rawBytes();
      if (!included.contains(pooled.transaction().hash())) {
        evicted++;
      }
    }
    if (evicted > 0) {
      metrics.mempoolEvicted.inc(evicted);
    }
    pendingTotal += queue.pendingCount() - pendingBefore;
    if (queue.isEmpty()) {
      senders.remove(sender);
    }
  }

  @Override
  public synchronized OptionalLong nextNonce(Address sender) {
    SenderQueue queue = senders.get(sender);
    if (queue == null || queue.pendingCount() == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(queue.stateNonce() + queue.pendingCount());
  }

  @Override
  public Optional<SignedTransaction> get(Hash hash) {
    return Optional.ofNullable(byHash.get(hash)).map(PooledTransaction::transaction);
  }

  @Override
  public synchronized int pendingCount() {
    return pendingTotal;
  }

  @Override
  public synchronized int queuedCount() {
    return transactionsTotal - pendingTotal;
  }

  /**
   * Adds a listener run when the pool's pending count goes from zero to more than zero, whether by
   * a submission or by a block that closed a nonce gap. It runs on the submitting or committing
   * thread, outside the pool's lock, and must not block (e.g. it schedules block building).
   */
  @Override
  public void onTransactionsAvailable(Runnable listener) {
    availabilityListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void notifyAvailable() {
    for (Runnable listener : availabilityListeners) {
      listener.run();
    }
  }

  private void updateGauges() {
    metrics.mempoolPending.set(pendingTotal);
    metrics.mempoolQueued.set(transactionsTotal - pendingTotal);
  }

  private static Submission.Rejected known(Hash hash) {
    return new Submission.Rejected(PoolRejection.KNOWN_TRANSACTION, hash.toHex() + " is pooled");
  }

  private static Optional<Submission.Rejected> refuse(PoolRejection reason, String detail) {
    return Optional.of(new Submission.Rejected(reason, detail));
  }
}
