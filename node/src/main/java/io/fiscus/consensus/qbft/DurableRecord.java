package io.fiscus.consensus.qbft;

/**
 * What the driver must write durably (fsync) before sending the messages of the same {@link
 * Effects}. A core rebuilt from these records never signs a Prepare or Commit conflicting with one
 * it signed before, never goes back on a RoundChange, and keeps its prepared certificate.
 */
public sealed interface DurableRecord permits DurableRecord.SentMessage, DurableRecord.Prepared {
  long height();

  /** A message we signed. */
  record SentMessage(QbftMessage message) implements DurableRecord {
    @Override
    public long height() {
      return message.roundId().height();
    }
  }

  /** We became prepared: later round changes must carry this certificate (or a newer one). */
  record Prepared(PreparedCertificate certificate) implements DurableRecord {
    @Override
    public long height() {
      return certificate.block().height();
    }
  }
}
