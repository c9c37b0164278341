package io.fiscus.client.finality;

import io.fiscus.block.BlockHeader;
import java.util.List;

/**
 * Where the verifier gets the headers between its trusted height and a proof's block. Nothing it
 * returns is trusted: every header is checked against the seals and the parent link it must have.
 */
interface HeaderSource {
  /** The most headers one call returns. */
  int BATCH_MAX = 100;

  /**
   * Headers {@code from..to} inclusive, in order, {@code to - from < BATCH_MAX}.
   *
   * @throws FinalityVerificationException HEADER_CHAIN_BROKEN if one is missing or inconsistent
   */
  List<BlockHeader> headers(long from, long to);
}
