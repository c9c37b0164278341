package io.fiscus.mempool;

import io.fiscus.tx.TransactionAdmission;

/**
 * The pool's bounds.
 *
 * @param transactionsMax transactions held at most, pending and queued together
 * @param perSenderMax transactions one sender may hold at most
 * @param nonceDistanceMax how far a transaction's nonce may be ahead of its sender's state nonce
 * @param bytesMax raw transaction bytes held at most (the memory bound when transactions are large)
 * @param rawBytesMax the largest raw transaction accepted
 * @param dataBytesMax the largest call data accepted
 */
public record MempoolConfig(
    int transactionsMax,
    int perSenderMax,
    long nonceDistanceMax,
    long bytesMax,
    int rawBytesMax,
    int dataBytesMax) {

  public MempoolConfig {
    if (transactionsMax <= 0 || perSenderMax <= 0 || bytesMax <= 0) {
      throw new IllegalArgumentException("pool bounds must be positive");
    }
    if (perSenderMax > transactionsMax) {
      throw new IllegalArgumentException("perSenderMax exceeds transactionsMax");
    }
    if (nonceDistanceMax < 0) {
      throw new IllegalArgumentException("nonceDistanceMax must not be negative");
    }
    if (rawBytesMax <= 0 || dataBytesMax <= 0 || rawBytesMax > bytesMax) {
      throw new IllegalArgumentException("size limits must be positive and fit the pool");
    }
  }

  /**
   * Defaults for a node sustaining about 10,000 transactions per second: 100,000 transactions is
   * ten one-second blocks of backlog. 1,000 per sender lets a bank submit a large batch at once
   * (about a tenth of a full block) while 100 registered senders at least are needed to fill the
   * pool; it matches the nonce distance, which caps a sender at 1,001 distinct nonces anyway. 128
   * MiB of raw bytes holds 100,000 transfers (about 110 bytes each) many times over but stops 100
   * senders from pinning 1,000 maximum-size transactions each (12.5 GiB).
   */
  public static MempoolConfig defaults() {
    return new MempoolConfig(
        100_000,
        1_000,
        1_000,
        128L * 1024 * 1024,
        TransactionAdmission.DEFAULT_RAW_BYTES_MAX,
        TransactionAdmission.DEFAULT_DATA_BYTES_MAX);
  }
}
