package io.fiscus.block;

import java.util.List;
import java.util.Objects;

/**
 * An Ethereum post-Byzantium receipt: exactly what goes into the receipts root. Fiscus-only facts
 * (gas used by this transaction, revert reason) live in {@link TransactionOutcome}.
 *
 * @param type the transaction type: {@link #LEGACY_TYPE} or {@link #EIP1559_TYPE}
 * @param success the status: true when the call did not revert
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 */
public record Receipt(
    int type, boolean success, long cumulativeGasUsed, LogsBloom logsBloom, List<Log> logs) {
  public static final int LEGACY_TYPE = 0;
  public static final int EIP1559_TYPE = 2;

  public Receipt {
    if (type != LEGACY_TYPE && type != EIP1559_TYPE) {
      throw new IllegalArgumentException("unsupported transaction type " + type);
    }
    if (cumulativeGasUsed < 0) {
      throw new IllegalArgumentException("cumulative gas must not be negative");
    }
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs, as the executor builds them. */
  public static Receipt of(int type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }
}
