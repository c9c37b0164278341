package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.QbftConfig;
import java.util.OptionalLong;

/**
 * What the driver needs beyond its collaborators.
 *
 * @param qbft the core's parameters (block period, round timeout, epoch)
 * @param chainId the chain id every transaction must carry
 * @param blockGasLimit the most gas selected into one block (at most the chain's gas limit)
 * @param emptyBlockPeriodMillis how long after its parent an empty block may be built; empty: never
 *     (the chain waits for transactions), 0: at every block period
 * @param eventQueueCapacity the bound on inputs waiting for the driver thread
 */
public record ConsensusSettings(
    QbftConfig qbft,
    long chainId,
    long blockGasLimit,
    OptionalLong emptyBlockPeriodMillis,
    int eventQueueCapacity) {
  public ConsensusSettings {
    if (blockGasLimit <= 0 || eventQueueCapacity < 16) {
      throw new IllegalArgumentException("gas limit positive, event queue of at least 16");
    }
    if (emptyBlockPeriodMillis.isPresent() && emptyBlockPeriodMillis.getAsLong() < 0) {
      throw new IllegalArgumentException("the empty-block period is not negative");
    }
  }
}
