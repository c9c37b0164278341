package io.fiscus.rpc;

import io.fiscus.mempool.PoolRejection;
import io.fiscus.mempool.Submission;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionAdmission;
import io.fiscus.tx.TransactionDecoding;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pool that admits with the real stateless checks and keeps what it accepts; duplicates are
 * {@code Known transaction}. No nonce ordering: the tests choose nonces themselves.
 */
public final class FakeTransactionPool implements TransactionPool {
  private final TransactionAdmission admission;
  private final Map<Hash, SignedTransaction> pooled = new ConcurrentHashMap<>();

  public FakeTransactionPool(long chainId) {
    this.admission = TransactionAdmission.withDefaults(chainId);
  }

  @Override
  public Submission submit(Bytes raw) {
    return switch (admission.admit(raw)) {
      case TransactionDecoding.Rejected rejected ->
          new Submission.Rejected(
              switch (rejected.reason()) {
                case WRONG_CHAIN_ID -> PoolRejection.WRONG_CHAIN_ID;
                case UNPROTECTED_LEGACY -> PoolRejection.CHAIN_ID_REQUIRED;
                case INVALID_SIGNATURE, HIGH_S, UNRECOVERABLE_SENDER ->
                    PoolRejection.INVALID_SIGNATURE;
                default -> PoolRejection.MALFORMED;
              },
              rejected.detail());
      case TransactionDecoding.Decoded decoded -> {
        SignedTransaction transaction = decoded.transaction();
        yield pooled.putIfAbsent(transaction.hash(), transaction) == null
            ? new Submission.Accepted(transaction.hash())
            : new Submission.Rejected(PoolRejection.KNOWN_TRANSACTION, transaction.hash().toHex());
      }
    };
  }

  /** Removes what a block included, as the committer would. */
  public void remove(List<SignedTransaction> included) {
    included.forEach(transaction -> pooled.remove(transaction.hash()));
  }

  @Override
  public List<SignedTransaction> select(long gasLimit, int countMax) {
    return pooled.values().stream().limit(countMax).toList();
  }

  @Override
  public OptionalLong nextNonce(Address sender) {
    return pooled.values().stream()
        .filter(transaction -> transaction.sender().equals(sender))
        .mapToLong(transaction -> transaction.nonce() + 1)
        .max();
  }

  @Override
  public Optional<SignedTransaction> get(Hash hash) {
    return Optional.ofNullable(pooled.get(hash));
  }

  @Override
  public int pendingCount() {
    return pooled.size();
  }

  @Override
  public int queuedCount() {
    return 0;
  }

  @Override
  public void onTransactionsAvailable(Runnable listener) {}
}
