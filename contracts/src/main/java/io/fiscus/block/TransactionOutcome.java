package io.fiscus.block;

import java.util.Objects;
import java.util.Optional;

/**
 * A receipt with the facts Fiscus keeps beside it for clients ({@code eth_getTransactionReceipt}
 * gasUsed, the decoded revert reason) but that are not part of the consensus encoding.
 */
public record TransactionOutcome(Receipt receipt, long gasUsed, Optional<String> revertReason) {
  public TransactionOutcome {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(revertReason, "revertReason");
    if (gasUsed < 0) {
      throw new IllegalArgumentException("gas used must not be negative");
    }
  }
}
