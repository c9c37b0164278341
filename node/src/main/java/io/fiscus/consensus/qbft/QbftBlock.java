package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The consensus core's view of a block (a port: the node adapts its real block, the simulator uses
 * toy blocks). Implementations are immutable.
 */
public interface QbftBlock {
  long height();

  /** The round recorded in the block: the proposal round, or the commit round once sealed. */
  int round();

  /** The coinbase: the validator that built the block (kept when a block is re-proposed). */
  Address proposer();

  long timestampSeconds();

  /** The validator vote carried in the header, if any. */
  Optional<Vote> vote();

  List<Signature> commitSeals();

  /** The on-chain hash: independent of the round and of the seals. */
  Hash hash();

  /**
   * The hash validators sign as commit seal and use as Prepare/Commit digest: covers the round,
   * excludes the seals.
   */
  Hash commitSealHash();

  /** The same block with its round field rewritten (and no seals). */
  QbftBlock withRound(int round);

  /** The same block carrying these commit seals. */
  QbftBlock withCommitSeals(List<Signature> seals);
}
