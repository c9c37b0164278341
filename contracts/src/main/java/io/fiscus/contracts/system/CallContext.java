package io.fiscus.contracts.system;

import io.fiscus.types.Address;

/**
 * What a system contract call may know besides state: the transaction's sender and the block
 * header's number and timestamp. Nothing else (no clock, no randomness) reaches a contract.
 */
public record CallContext(Address sender, long blockNumber, long blockTimestampSeconds) {
  public CallContext {
    if (blockNumber < 0 || blockTimestampSeconds < 0) {
      throw new IllegalArgumentException("block number and timestamp must be non-negative");
    }
  }

  /** The UTC day of the block, the period of daily limits. */
  public long utcDay() {
    return blockTimestampSeconds / 86_400;
  }
}
