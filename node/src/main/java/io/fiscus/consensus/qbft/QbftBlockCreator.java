package io.fiscus.consensus.qbft;

import java.util.Optional;

/** Port: builds a candidate block on {@code parent} (executing transactions, in the real node). */
public interface QbftBlockCreator {
  QbftBlock createBlock(
      QbftBlock parent,
      int round,
      long timestampSeconds,
      io.fiscus.types.Address proposer,
      Optional<Vote> vote);
}
