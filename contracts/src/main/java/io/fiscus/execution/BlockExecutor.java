package io.fiscus.execution;

import io.fiscus.block.LogsBloom;
import io.fiscus.block.Receipt;
import io.fiscus.block.ReceiptCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.trie.OrderedTrie;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionType;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a block's transactions in order: {@code (state, block context, transactions) → (state
 * changes, receipts, gas used, bloom, roots)}. Pure and deterministic: no clock, no I/O, no
 * unordered iteration; the same inputs give the same bytes on every node.
 *
 * <p>Nonce rules are Ethereum's: a transaction must carry exactly the sender's next nonce; a
 * reverted call still consumes it and still pays its fixed gas. Senders are recovered before the
 * executor sees the transactions (at admission or block decoding), so no signature work happens
 * here.
 */
public final class BlockExecutor {
  private final SystemContracts contracts;

  public BlockExecutor(SystemContracts contracts) {
    this.contracts = contracts;
  }

  public BlockExecution execute(
      StateView state, BlockContext block, List<SignedTransaction> transactions) {
    StateChanges changes = new StateChanges(state);
    List<TransactionOutcome> outcomes = new ArrayList<>(transactions.size());
    List<Bytes> rawTransactions = new ArrayList<>(transactions.size());
    List<Bytes> encodedReceipts = new ArrayList<>(transactions.size());
    List<LogsBloom> blooms = new ArrayList<>(transactions.size());
    long gasUsed = 0;
    for (int index = 0; index < transactions.size(); index++) {
      SignedTransaction transaction = transactions.get(index);
      Optional<BlockExecution.Invalid> invalid =
          checkIncludable(changes, block, gasUsed, index, transaction);
      if (invalid.isPresent()) {
        return invalid.get();
      }
      TransactionOutcome outcome = apply(changes, block, transaction, gasUsed);
      gasUsed = outcome.receipt().cumulativeGasUsed();
      outcomes.add(outcome);
      rawTransactions.add(transaction.raw());
      encodedReceipts.add(ReceiptCodec.encode(outcome.receipt()));
      blooms.add(outcome.receipt().logsBloom());
    }
    return new BlockExecution.Executed(
        changes,
        outcomes,
        gasUsed,
        LogsBloom.union(blooms),
        OrderedTrie.root(rawTransactions),
        OrderedTrie.root(encodedReceipts));
  }

  /** The gas a transaction will use: its function's fixed cost ({@code eth_estimateGas}). */
  public long gasCost(SignedTransaction transaction) {
    return contracts.gasCost(transaction.to().orElse(Address.ZERO), transaction.data());
  }

  private Optional<BlockExecution.Invalid> checkIncludable(
      StateView state, BlockContext block, long gasUsedSoFar, int index, SignedTransaction tx) {
    long expectedNonce = state.nonce(tx.sender());
    if (tx.nonce() < expectedNonce) {
      return invalid(index, InvalidTransaction.NONCE_TOO_LOW, tx, expectedNonce);
    }
    if (tx.nonce() > expectedNonce) {
      return invalid(index, InvalidTransaction.NONCE_GAP, tx, expectedNonce);
    }
    long cost = gasCost(tx);
    if (tx.gasLimit() < cost) {
      return Optional.of(
          new BlockExecution.Invalid(
              index,
              InvalidTransaction.INTRINSIC_GAS_TOO_LOW,
              "gas limit " + tx.gasLimit() + " below cost " + cost));
    }
    if (cost > block.gasLimit() - gasUsedSoFar) {
      return Optional.of(
          new BlockExecution.Invalid(
              index,
              InvalidTransaction.BLOCK_GAS_LIMIT_EXCEEDED,
              "needs " + cost + " gas, " + (block.gasLimit() - gasUsedSoFar) + " left"));
    }
    return Optional.empty();
  }

  private static Optional<BlockExecution.Invalid> invalid(
      int index, InvalidTransaction reason, SignedTransaction tx, long expectedNonce) {
    return Optional.of(
        new BlockExecution.Invalid(
            index, reason, "nonce " + tx.nonce() + ", account's next nonce " + expectedNonce));
  }

  private TransactionOutcome apply(
      StateChanges changes, BlockContext block, SignedTransaction tx, long gasUsedSoFar) {
    // The nonce is consumed before the call, so a revert (which undoes the call's writes only)
    // keeps it: Ethereum's rule, and what makes a failed payment non-replayable.
    changes.setNonce(tx.sender(), tx.nonce() + 1);
    CallContext context = new CallContext(tx.sender(), block.number(), block.timestampSeconds());
    Address to = tx.to().orElse(Address.ZERO);
    CallOutcome outcome = contracts.call(context, changes, to, tx.value(), tx.data());
    changes.commitJournal();
    int type = tx.type() == TransactionType.LEGACY ? Receipt.LEGACY_TYPE : Receipt.EIP1559_TYPE;
    return switch (outcome) {
      case CallOutcome.Success success ->
          new TransactionOutcome(
              Receipt.of(type, true, gasUsedSoFar + success.gasUsed(), success.logs()),
              success.gasUsed(),
              Optional.empty());
      case CallOutcome.Reverted reverted ->
          new TransactionOutcome(
              Receipt.of(type, false, gasUsedSoFar + reverted.gasUsed(), List.of()),
              reverted.gasUsed(),
              Optional.of(reverted.reason().text()));
    };
  }
}
