package io.fiscus.rpc.access;

import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.TransactionLocation;
import io.fiscus.rpc.RpcException;
import io.fiscus.state.StateView;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * The visibility rules applied to one call by one caller: refuses, records or allows each look, and
 * tells list filters what to keep. Single items that need a record are recorded (once per subject
 * and call) before the answer is returned; lists keep only what the caller may see without a
 * record, plus the subjects the call already recorded a look at. Not thread-safe: one per call.
 */
public final class Visibility {
  private final Viewer viewer;
  private final String method;
  private final ChainReader chain;
  private final StateView state;
  private final AccessLog accessLog;
  private final LongSupplier clockSeconds;
  private final Set<Address> recorded = new HashSet<>();
  private final Map<Hash, Optional<TransactionParties>> parties = new HashMap<>();
  private final Map<Long, List<TransactionParties>> blocks = new HashMap<>();

  Visibility(
      Viewer viewer,
      String method,
      ChainReader chain,
      StateView state,
      AccessLog accessLog,
      LongSupplier clockSeconds) {
    this.viewer = viewer;
    this.method = method;
    this.chain = chain;
    this.state = state;
    this.accessLog = accessLog;
    this.clockSeconds = clockSeconds;
  }

  public Viewer viewer() {
    return viewer;
  }

  /** The head state the roles and bank relations were read from. */
  public StateView state() {
    return state;
  }

  /** What the rules say about this caller looking at {@code subject}'s data of {@code kind}. */
  public Verdict verdict(DataKind kind, Address subject) {
    return VisibilityRules.verdict(viewer, kind, subject, state);
  }

  /**
   * Returns when the caller may see {@code subject}'s data of {@code kind}, after recording the
   * look if the rules say so; otherwise throws -32000 {@code Forbidden}.
   */
  public void require(DataKind kind, Address subject) {
    switch (verdict(kind, subject)) {
      case ALLOW -> {}
      case RECORD -> record(subject);
      case FORBID ->
          throw RpcException.forbidden(
              kind.description()
                  + " of "
                  + subject.toHex()
                  + " is not visible to "
                  + viewer.address().toHex());
    }
  }

  /** Like {@link #require}, for data about several accounts: one of them suffices. */
  public void requireAny(DataKind kind, Set<Address> subjects, String what) {
    Verdict best = Verdict.FORBID;
    for (Address subject : subjects) {
      best = best.or(verdict(kind, subject));
    }
    switch (best) {
      case ALLOW -> {}
      case RECORD -> {
        for (Address subject : subjects) {
          if (verdict(kind, subject) == Verdict.RECORD) {
            record(subject);
          }
        }
      }
      case FORBID ->
          throw RpcException.forbidden(what + " is not visible to " + viewer.address().toHex());
    }
  }

  /**
   * Records the looks a list query makes by naming accounts (e.g. an auditor asking for one
   * seller's invoices), so the list then includes them; names the caller may not look at at all are
   * left to the list's filter, which drops their items.
   */
  public void recordNamed(DataKind kind, Set<Address> named) {
    for (Address subject : named) {
      if (verdict(kind, subject) == Verdict.RECORD) {
        record(subject);
      }
    }
  }

  /** Whether a list may include {@code subject}'s data of {@code kind}: never records. */
  public boolean sees(DataKind kind, Address subject) {
    return recorded.contains(subject) || verdict(kind, subject) == Verdict.ALLOW;
  }

  /** Whether a list may include data about any of {@code subjects}. */
  public boolean seesAny(DataKind kind, Set<Address> subjects) {
    return subjects.stream().anyMatch(subject -> sees(kind, subject));
  }

  /** Whether a list may include the transaction (or its logs, its receipt). */
  public boolean seesTransaction(Hash transaction) {
    return parties(transaction).map(this::sees).orElse(false);
  }

  /**
   * Like {@link #requireAny} for one transaction; unknown transactions are the caller's concern.
   */
  public void requireTransaction(Hash transaction) {
    parties(transaction).ifPresent(this::require);
  }

  /** Like {@link #requireTransaction}, for a pending transaction. */
  public void require(TransactionParties transaction) {
    if (!sees(transaction)) {
      requireAny(DataKind.HISTORY, transaction.accounts(), "the transaction");
    }
  }

  private boolean sees(TransactionParties transaction) {
    return (transaction.touchesInvoices() && VisibilityRules.seesEveryInvoice(viewer))
        || seesAny(DataKind.HISTORY, transaction.accounts());
  }

  /** The parties of a committed transaction, read once per call. */
  public Optional<TransactionParties> parties(Hash transaction) {
    return parties.computeIfAbsent(transaction, this::lookUp);
  }

  private Optional<TransactionParties> lookUp(Hash transaction) {
    Optional<TransactionLocation> location = chain.transactionLocation(transaction);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    List<TransactionParties> block =
        blocks.computeIfAbsent(location.get().blockNumber(), this::blockParties);
    int index = location.get().index();
    return index < block.size() ? Optional.of(block.get(index)) : Optional.empty();
  }

  /** Every transaction's parties in block {@code number}: a block is decoded once per call. */
  private List<TransactionParties> blockParties(long number) {
    List<SignedTransaction> transactions = chain.transactions(number);
    List<TransactionOutcome> outcomes = chain.outcomes(number);
    int count = Math.min(transactions.size(), outcomes.size());
    return IntStream.range(0, count)
        .mapToObj(i -> TransactionParties.of(transactions.get(i), outcomes.get(i)))
        .toList();
  }

  /** Records a look at {@code subject}, once per call; refused without a reason. */
  private void record(Address subject) {
    if (recorded.contains(subject)) {
      return;
    }
    String reason =
        viewer
            .reason()
            .orElseThrow(
                () ->
                    RpcException.forbidden(
                        "a reason is required to look at "
                            + subject.toHex()
                            + ": give one in the token's reason claim or the X-Fiscus-Reason"
                            + " header"));
    accessLog.record(new Look(viewer.address(), subject, method, reason, clockSeconds.getAsLong()));
    recorded.add(subject);
  }
}
