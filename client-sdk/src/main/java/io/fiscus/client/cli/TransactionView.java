package io.fiscus.client.cli;

import io.fiscus.client.tx.TransactionResult;

/** What every transaction command prints last: the final transaction and its block. */
final class TransactionView {
  private TransactionView() {}

  /** {@code details} (what the transaction did), then its hash and block. */
  static Output.Fields fields(Output.FieldsBuilder details, TransactionResult result) {
    return details
        .add("transaction", Value.text(result.transactionHash()))
        .add("block", Value.count(result.blockNumber()))
        .build();
  }
}
