package io.fiscus.block;

import io.fiscus.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A block: its header and its transactions as raw signed bytes (a typed transaction's envelope
 * {@code type ‖ payload}, or a legacy transaction's RLP list). Keeping transactions raw keeps the
 * block model independent of transaction decoding; {@link BlockCodec} encodes the body.
 */
public record Block(BlockHeader header, List<Bytes> transactions) {
  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }
}
