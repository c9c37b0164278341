package io.fiscus.consensus.qbft;

import java.util.List;

/** Proof that {@code block} was prepared in {@code round}: a quorum of matching prepares. */
public record PreparedCertificate(
    QbftBlock block, int round, List<Signed<Payload.Prepare>> prepares) {
  public PreparedCertificate {
    prepares = List.copyOf(prepares);
  }

  public PreparedRoundMetadata metadata() {
    return new PreparedRoundMetadata(round, block.commitSealHash());
  }
}
