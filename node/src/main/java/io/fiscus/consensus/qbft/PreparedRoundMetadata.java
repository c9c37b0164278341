package io.fiscus.consensus.qbft;

import io.fiscus.types.Hash;

/** The round a block was prepared in and its digest (Besu writes the round first). */
public record PreparedRoundMetadata(int preparedRound, Hash preparedBlockDigest) {
  public PreparedRoundMetadata {
    if (preparedRound < 0) {
      throw new IllegalArgumentException("prepared round is non-negative");
    }
  }
}
