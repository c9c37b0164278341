package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.index.ChainIndexer;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.testchain.TestChain;
import java.math.BigInteger;
import java.util.List;

/** The driver tests' network: one validator over the transfer workload's accounts. */
final class OneValidator {
  static final PrivateKey VALIDATOR_KEY = new PrivateKey(BigInteger.valueOf(0xa11ce));
  static final NodeKey NODE_KEY = NodeKey.of(VALIDATOR_KEY);
  static final io.fiscus.types.Address VALIDATOR = NODE_KEY.address();

  private OneValidator() {}

  static QbftConfig config(long blockPeriodMillis) {
    return QbftConfig.of(blockPeriodMillis, 2_000);
  }

  /** The chain of {@code workload} in memory, not yet at genesis, the validator its only one. */
  static TestChain chain(TransferWorkload workload) {
    return new TestChain(
        new MemoryKeyValueStore(),
        new ChainIndexer(),
        workload.genesisChanges(1_000_000_000L),
        List.of(VALIDATOR_KEY),
        TestChain.GAS_LIMIT);
  }
}
