package io.fiscus.mempool;

import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.state.StateView;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends the node's own transactions: signs a call with the node key and submits it to the node's
 * pool, which checks it like any other and gossips it to the validators.
 *
 * <p>Nonces: the next nonce is the larger of the state's nonce and the pool's next nonce for the
 * node account, read, signed and submitted under one lock, so concurrent callers get consecutive
 * nonces and never collide. Nothing is counted locally: if the pool drops a transaction, the next
 * call starts again from what the state and the pool hold. A nonce refusal (another holder of the
 * same key raced us) is retried a few times with a freshly read nonce.
 *
 * <p>Gas: a Fiscus call's cost is fixed by the function ({@link SystemContracts#gasCost}), so the
 * gas limit is exactly that cost; the gas price is zero, as the chain requires of every sender.
 */
public final class NodeAccountSender {
  private static final int NONCE_ATTEMPTS_MAX = 3;

  private final PrivateKey key;
  private final Address address;
  private final long chainId;
  private final TransactionPool pool;
  private final Supplier<StateView> latestState;
  private final SystemContracts contracts;
  private final TransactionSigner signer = TransactionSigner.withDefaultSigner();

  /** What a submission became, with the hash of the transaction last tried. */
  public record Sent(Hash hash, Submission submission) {}

  public NodeAccountSender(
      PrivateKey key,
      long chainId,
      TransactionPool pool,
      Supplier<StateView> latestState,
      SystemContracts contracts) {
    this.key = Objects.requireNonNull(key, "key");
    this.address = Secp256k1.address(key);
    this.chainId = chainId;
    this.pool = Objects.requireNonNull(pool, "pool");
    this.latestState = Objects.requireNonNull(latestState, "latestState");
    this.contracts = Objects.requireNonNull(contracts, "contracts");
  }

  /** The node account: the sender of every transaction this class signs. */
  public Address address() {
    return address;
  }

  /**
   * Signs a call of {@code to} with {@code data} at the next nonce and submits it. {@code
   * beforePooling} is told each transaction's hash before the pool sees it, so a listener for its
   * block is in place even if the block is committed before this method returns.
   */
  public synchronized Sent submit(Address to, Bytes data, Consumer<Hash> beforePooling) {
    Sent sent = submitOnce(to, data, beforePooling);
    for (int attempt = 1; attempt < NONCE_ATTEMPTS_MAX && isNonceRace(sent); attempt++) {
      sent = submitOnce(to, data, beforePooling);
    }
    return sent;
  }

  /** The nonce the next transaction of the node account takes. */
  public synchronized long nextNonce() {
    long stateNonce = latestState.get().nonce(address);
    return Math.max(stateNonce, pool.nextNonce(address).orElse(stateNonce));
  }

  private Sent submitOnce(Address to, Bytes data, Consumer<Hash> beforePooling) {
    SignedTransaction transaction = sign(nextNonce(), to, data);
    beforePooling.accept(transaction.hash());
    return new Sent(transaction.hash(), pool.submit(transaction.raw()));
  }

  private SignedTransaction sign(long nonce, Address to, Bytes data) {
    UnsignedTransaction call =
        UnsignedTransaction.eip1559(
            chainId,
            nonce,
            BigInteger.ZERO,
            BigInteger.ZERO,
            contracts.gasCost(to, data),
            Optional.of(to),
            BigInteger.ZERO,
            data,
            List.of());
    return signer.sign(call, key);
  }

  private static boolean isNonceRace(Sent sent) {
    return sent.submission() instanceof Submission.Rejected rejected
        && (rejected.reason() == PoolRejection.NONCE_TOO_LOW
            || rejected.reason() == PoolRejection.REPLACEMENT_NOT_ALLOWED);
  }
}
