package io.fiscus.consensus.driver;

/** How a batch of synced blocks fared in the driver ({@link ConsensusDriver#importSynced}). */
public sealed interface SyncImport {
  /** Every block was imported, or was already on the chain; the head is now {@code headNumber}. */
  record Imported(long headNumber) implements SyncImport {}

  /**
   * Block {@code number} is invalid (the blocks before it were imported): whoever served it sent a
   * bad block.
   */
  record Rejected(long number, BlockRejection reason, String detail) implements SyncImport {}

  /** Nothing was looked at: the driver is stopping or halted. Nobody is to blame. */
  record NotImported(String why) implements SyncImport {}
}
