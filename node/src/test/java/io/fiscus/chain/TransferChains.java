package io.fiscus.chain;

import io.fiscus.execution.TransferWorkload;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.testchain.TestChain;

/** The chain store tests' chains of transfers: one balance, and gas for a 10,000-transfer block. */
final class TransferChains {
  static final long BALANCE = 1_000_000;
  static final long GAS_LIMIT = 2_000_000_000L;

  private TransferChains() {}

  /** The chain of {@code workload} in {@code store}, not yet at genesis. */
  static TestChain on(KeyValueStore store, TransferWorkload workload, BlockIndexer indexer) {
    return TestChain.ofTransfers(store, indexer, workload, BALANCE, GAS_LIMIT);
  }
}
