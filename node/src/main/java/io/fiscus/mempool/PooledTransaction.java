package io.fiscus.mempool;

import io.fiscus.tx.SignedTransaction;

/**
 * A pooled transaction with the gas it will use. Fiscus charges a fixed cost per function, so the
 * cost known at admission is exactly the gas a block spends on it.
 */
record PooledTransaction(SignedTransaction transaction, long gasCost) {
  long nonce() {
    return transaction.nonce();
  }

  int rawBytes() {
    return transaction.raw().size();
  }
}
