package io.fiscus.client.cli;

import io.fiscus.client.finality.VerifiedFinality;
import io.fiscus.client.tx.TransactionResult;
import java.util.Optional;

/**
 * What every transaction command prints last: the final transaction, its block, and whether its
 * finality was checked by this client ({@code --genesis-file}) or taken from the node.
 */
final class TransactionView {
  private TransactionView() {}

  /** {@code details} (what the transaction did), then its hash, block and finality. */
  static Output.Fields fields(
      Session session, Output.FieldsBuilder details, TransactionResult result) {
    details
        .add("transaction", Value.text(result.transactionHash()))
        .add("block", Value.count(result.blockNumber()));
    Optional<VerifiedFinality> verified =
        result.finalityChecked()
            ? session.verifiedFinality(result.transactionHash())
            : Optional.empty();
    if (verified.isEmpty()) {
      return details.add("finality", Value.text("reported by the node")).build();
    }
    VerifiedFinality proof = verified.get();
    return details
        .add("finality", Value.text("verified"))
        .add(
            "seals",
            Value.text(
                proof.sealers().size()
                    + " of "
                    + proof.validators().size()
                    + " validators, quorum "
                    + proof.quorum()))
        .build();
  }
}
