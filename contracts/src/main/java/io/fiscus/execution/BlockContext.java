package io.fiscus.execution;

/** What the executor may know of the block: its number, its timestamp and its gas limit. */
public record BlockContext(long number, long timestampSeconds, long gasLimit) {
  public BlockContext {
    if (number < 0 || timestampSeconds < 0 || gasLimit < 0) {
      throw new IllegalArgumentException("block context fields must not be negative");
    }
  }
}
