package io.fiscus.consensus.driver;

import io.fiscus.block.BlockCodec;
import io.fiscus.block.BlockCodecException;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockCodec;
import io.fiscus.types.Bytes;

/** Blocks inside QBFT messages travel as full block RLP ({@link BlockCodec}, strict). */
public final class ChainBlockCodec implements QbftBlockCodec {

  @Override
  public Bytes encode(QbftBlock block) {
    if (!(block instanceof ChainBlock chainBlock)) {
      throw new IllegalArgumentException("not a chain block: " + block);
    }
    return BlockCodec.encode(chainBlock.block());
  }

  @Override
  public ChainBlock decode(Bytes encoded) {
    try {
      return ChainBlock.of(BlockCodec.decode(encoded));
    } catch (BlockCodecException e) {
      // The core treats IllegalArgumentException as a malformed block from the network.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
