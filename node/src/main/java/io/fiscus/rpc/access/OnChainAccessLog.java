package io.fiscus.rpc.access;

import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.CommitWatch;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.mempool.NodeAccountSender;
import io.fiscus.mempool.Submission;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.RpcException;
import io.fiscus.state.StateView;
import io.fiscus.types.Hash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail on chain (ADR 21): each look becomes a LedgerRecords {@code record} transaction
 * of kind {@code access-log} ({@link AccessLogCodec}), signed with the node key, submitted to this
 * node's pool (and so gossiped like any transaction), and {@link #record} returns only once the
 * transaction is in a committed, hence final, block. Anything else (the node account refused by the
 * pool, no block within the timeout because there is no quorum, a reverted record) throws -32000
 * {@code access log unavailable: …}: the look is refused, the answer withheld.
 *
 * <p>Thread-safe: concurrent looks get consecutive nonces from the {@link NodeAccountSender} and
 * may share a block.
 */
public final class OnChainAccessLog implements AccessLog {
  /** How long a look waits for its record's block unless configured otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The code of every refusal but a look's own bad input. */
  public static final int UNAVAILABLE = -32000;

  private static final Logger LOG = LoggerFactory.getLogger(OnChainAccessLog.class);

  /** Why a look was not recorded; the lower-case names label the failure metric. */
  enum Failure {
    INVALID,
    REFUSED,
    NOT_FINAL,
    REVERTED,
    INTERRUPTED
  }

  private final NodeAccountSender sender;
  private final CommitWatch commits;
  private final Duration timeout;
  private final NodeMetrics metrics;

  /**
   * @param sender signs and submits with the node key
   * @param commits told of every committed block (register it as a chain listener)
   * @param timeout the longest a look waits for its record to be final
   * @param metrics where recorded looks and failures are counted
   */
  public OnChainAccessLog(
      NodeAccountSender sender, CommitWatch commits, Duration timeout, NodeMetrics metrics) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.commits = Objects.requireNonNull(commits, "commits");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
  }

  @Override
  public void record(Look look) {
    Optional<String> unrecordable = AccessLogCodec.whyUnrecordable(look);
    if (unrecordable.isPresent()) {
      count(Failure.INVALID);
      throw RpcException.invalidParams(unrecordable.get());
    }
    List<Hash> tried = new ArrayList<>(1);
    NodeAccountSender.Sent sent =
        sender.submit(
            SystemAddresses.LEDGER_RECORDS,
            AccessLogCodec.recordCall(look),
            hash -> {
              tried.add(hash);
              commits.watch(hash);
            });
    tried.stream().filter(hash -> !hash.equals(sent.hash())).forEach(commits::forget);
    if (sent.submission() instanceof Submission.Rejected rejected) {
      commits.forget(sent.hash());
      throw unavailable(Failure.REFUSED, refusal(rejected));
    }
    TransactionOutcome outcome = awaitFinal(sent.hash());
    if (!outcome.receipt().success()) {
      throw unavailable(
          Failure.REVERTED,
          "the record " + sent.hash().toHex() + " reverted: " + outcome.revertReason().orElse("?"));
    }
    metrics.accessLogRecorded.inc();
  }

  /**
   * Logs once, at start, when the node account cannot write records in {@code state} (not
   * registered, or frozen): every recorded look will be refused until the central bank fixes it.
   */
  public void warnIfCannotRecord(StateView state) {
    Optional<RegistryAccount> account = RegistryStore.account(state, sender.address());
    if (account.isEmpty()) {
      LOG.warn(
          "Node account {} is not registered: looks that must be recorded in the audit trail will"
              + " be refused until the central bank registers it (Registry registerAccount)",
          sender.address());
    } else if (account.get().frozen()) {
      LOG.warn(
          "Node account {} is frozen: looks that must be recorded will be refused",
          sender.address());
    }
  }

  private TransactionOutcome awaitFinal(Hash hash) {
    Optional<TransactionOutcome> outcome;
    try {
      outcome = commits.await(hash, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(Failure.INTERRUPTED, "interrupted while waiting for the record's block");
    }
    return outcome.orElseThrow(
        () ->
            unavailable(
                Failure.NOT_FINAL,
                "the record "
                    + hash.toHex()
                    + " was not in a final block within "
                    + timeout.toMillis()
                    + " ms (is a quorum of validators reachable?)"));
  }

  private String refusal(Submission.Rejected rejected) {
    return switch (rejected.reason()) {
      case SENDER_NOT_AUTHORIZED ->
          "node account "
              + sender.address()
              + " is not registered; the central bank must register it (registerAccount)";
      case SENDER_FROZEN -> "node account " + sender.address() + " is frozen";
      default ->
          "the pool refused the record: " + rejected.reason().message() + ": " + rejected.detail();
    };
  }

  private RpcException unavailable(Failure failure, String detail) {
    count(failure);
    return new RpcException(UNAVAILABLE, "access log unavailable: " + detail);
  }

  private void count(Failure failure) {
    metrics.accessLogFailures.labelValues(failure.name().toLowerCase(Locale.ROOT)).inc();
  }
}
