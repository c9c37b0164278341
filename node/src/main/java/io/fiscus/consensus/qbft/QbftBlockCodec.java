package io.fiscus.consensus.qbft;

import io.fiscus.types.Bytes;

/** Port: a block's wire form inside Proposal and RoundChange messages. */
public interface QbftBlockCodec {
  Bytes encode(QbftBlock block);

  /**
   * Decodes one RLP item.
   *
   * @throws io.fiscus.rlp.RlpException or {@link IllegalArgumentException} when malformed
   */
  QbftBlock decode(Bytes encoded);
}
