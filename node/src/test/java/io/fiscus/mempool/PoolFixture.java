package io.fiscus.mempool;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.state.StateView;
import io.fiscus.testchain.SignedCalls;
import io.fiscus.testchain.TestChain;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A genesis of registered accounts (account 0 the central bank, the others banks with balances), an
 * unregistered outsider key, a {@link TestChain} that executes and commits blocks through the
 * node's chain store, and signed transactions for them.
 */
final class PoolFixture {
  static final long CHAIN_ID = TransferWorkload.CHAIN_ID;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long GAS_LIMIT = TransferWorkload.GAS_LIMIT_PER_TRANSFER;
  static final PrivateKey OUTSIDER = new PrivateKey(BigInteger.valueOf(0xbad_0001L));
  private static final Bytes FREEZE =
      AbiSignatures.selectorBytes(AbiSignatures.selector("freeze(address,string)"));

  final TransferWorkload workload;
  final int accountCount;
  final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  final NodeMetrics metrics = new NodeMetrics();

  private final TestChain chain;

  PoolFixture(int accountCount) {
    this.accountCount = accountCount;
    this.workload = new TransferWorkload(accountCount);
    this.chain = TestChain.ofTransfers(workload, 1_000_000_000L);
  }

  /** The chain store's latest state, as the node hands it to the pool. */
  StateView state() {
    return chain.chainStore().latestState();
  }

  Mempool mempool(MempoolConfig config) {
    return new Mempool(config, CHAIN_ID, BLOCK_GAS_LIMIT, this::state, executor, metrics);
  }

  Mempool mempool() {
    return mempool(MempoolConfig.defaults());
  }

  Address account(int index) {
    return workload.account(index);
  }

  /** A transfer of {@code amount} from bank {@code from} (1..n-1) to another bank. */
  SignedTransaction transfer(int from, long nonce, long amount) {
    return workload.transfer(from, 1 + from % (accountCount - 1), amount, nonce);
  }

  SignedTransaction transfer(int from, long nonce) {
    return transfer(from, nonce, 1);
  }

  /** A call to the Token contract with the given fields, signed by {@code key}. */
  static SignedTransaction tokenCall(PrivateKey key, long chainId, long nonce, long gasLimit) {
    Bytes data =
        AbiSignatures.selectorBytes(AbiSignatures.selector("transfer(address,uint256)"))
            .concat(new AbiWriter(2).address(Secp256k1.address(key)).uint(1).toBytes());
    return SignedCalls.sign(
        key, chainId, nonce, gasLimit, Optional.of(SystemAddresses.TOKEN), data);
  }

  /** The central bank (account 0) freezes account {@code target}. */
  SignedTransaction freeze(int target, long nonce) {
    return freezeBy(0, target, nonce);
  }

  /** Account {@code signer} calls freeze on {@code target} (reverting unless the central bank). */
  SignedTransaction freezeBy(int signer, int target, long nonce) {
    Bytes data =
        FREEZE.concat(new AbiWriter(2).address(account(target)).string("court order").toBytes());
    return SignedCalls.sign(
        workload.key(signer),
        CHAIN_ID,
        nonce,
        GAS_LIMIT,
        Optional.of(SystemAddresses.REGISTRY),
        data);
  }

  /** Executes and commits the next block with {@code transactions}; returns it. */
  synchronized CommittedBlock commit(List<SignedTransaction> transactions) {
    return chain.append(transactions);
  }

  double rejected(PoolRejection reason) {
    return metrics.mempoolRejected.labelValues(reason.name().toLowerCase(Locale.ROOT)).get();
  }

  double evicted() {
    return metrics.mempoolEvicted.get();
  }
}
