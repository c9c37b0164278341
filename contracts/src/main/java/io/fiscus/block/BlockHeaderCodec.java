package io.fiscus.block;

import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;

/**
 * Header RLP in Ethereum's field order: {@code [parentHash, ommersHash, coinbase, stateRoot,
 * transactionsRoot, receiptsRoot, logsBloom, difficulty, number, gasLimit, gasUsed, timestamp,
 * extraData, mixHash, nonce, baseFeePerGas]}. Hashes, addresses, bloom and the 8-byte nonce are
 * fixed-size strings; the other numbers are canonical scalars. Decoding requires exactly these 16
 * fields (no pre-London 15-field or post-Shanghai 17-field headers).
 */
public final class BlockHeaderCodec {
  static final int FIELD_COUNT = 16;

  private BlockHeaderCodec() {}

  public static Bytes encode(BlockHeader header) {
    return Bytes.wrap(
        Rlp.list(
            Rlp.string(header.parentHash().bytes()),
            Rlp.string(header.ommersHash().bytes()),
            Rlp.string(header.coinbase().bytes()),
            Rlp.string(header.stateRoot().bytes()),
            Rlp.string(header.transactionsRoot().bytes()),
            Rlp.string(header.receiptsRoot().bytes()),
            Rlp.string(header.logsBloom().bytes()),
            Rlp.uint(header.difficulty()),
            Rlp.uint(header.number()),
            Rlp.uint(header.gasLimit()),
            Rlp.uint(header.gasUsed()),
            Rlp.uint(header.timestamp()),
            Rlp.string(header.extraData()),
            Rlp.string(header.mixHash().bytes()),
            Rlp.string(header.nonce()),
            Rlp.uint(header.baseFeePerGas())));
  }

  /** Decodes one header filling {@code encoded}; fails with a {@link BlockCodecException}. */
  public static BlockHeader decode(Bytes encoded) {
    return Decoding.whole(encoded, "block header", BlockHeaderCodec::read);
  }

  private static BlockHeader read(RlpReader reader) {
    RlpReader fields = Decoding.fields(reader, FIELD_COUNT, "block header");
    return new BlockHeader(
        Decoding.hash(fields, "parentHash"),
        Decoding.hash(fields, "ommersHash"),
        Decoding.address(fields, "coinbase"),
        Decoding.hash(fields, "stateRoot"),
        Decoding.hash(fields, "transactionsRoot"),
        Decoding.hash(fields, "receiptsRoot"),
        new LogsBloom(Decoding.fixed(fields, LogsBloom.SIZE, "logsBloom")),
        fields.readLong(),
        fields.readLong(),
        fields.readLong(),
        fields.readLong(),
        fields.readLong(),
        fields.readValue(),
        Decoding.hash(fields, "mixHash"),
        Decoding.fixed(fields, BlockHeader.NONCE_SIZE, "nonce"),
        fields.readLong());
  }
}
