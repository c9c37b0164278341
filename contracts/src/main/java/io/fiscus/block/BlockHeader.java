package io.fiscus.block;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Objects;

/**
 * An Ethereum London-style block header (16 fields, baseFeePerGas always present) as QBFT fills it:
 * no ommers, difficulty 1, the BFT mixHash, a zero nonce, coinbase = proposer and the QBFT
 * extraData (kept as raw bytes; {@link QbftExtraDataCodec} reads it). Encoded by {@link
 * BlockHeaderCodec}; hashed by {@link QbftBlockHashing}.
 *
 * <p>The record holds whatever a decoded header carries; checking the QBFT constants is header
 * validation's job, so a foreign header still round-trips and hashes faithfully.
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    long difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    Bytes nonce,
    long baseFeePerGas) {

  /** "ctical byzantine fault tolerance": the mixHash every BFT block carries. */
  public static final Hash BFT_MIX_HASH =
      Hash.fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");

  public static final int NONCE_SIZE = 8;
  public static final Bytes ZERO_NONCE = Bytes.wrap(new byte[NONCE_SIZE]);
  public static final long BFT_DIFFICULTY = 1;

  public BlockHeader {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(ommersHash, "ommersHash");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(mixHash, "mixHash");
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.size() != NONCE_SIZE) {
      throw new IllegalArgumentException("nonce must be 8 bytes, got " + nonce.size());
    }
    if (difficulty < 0
        || number < 0
        || gasLimit < 0
        || gasUsed < 0
        || timestamp < 0
        || baseFeePerGas < 0) {
      throw new IllegalArgumentException("header scalars must not be negative");
    }
  }

  /**
   * A QBFT header: the per-block fields given, the constants filled in (empty ommers hash,
   * difficulty 1, BFT mixHash, zero nonce, base fee 0).
   */
  public static BlockHeader qbft(
      Hash parentHash,
      Address proposer,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      LogsBloom logsBloom,
      long number,
      long gasLimit,
      long gasUsed,
      long timestampSeconds,
      Bytes extraData) {
    return new BlockHeader(
        parentHash,
        Hash.EMPTY_LIST,
        proposer,
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        BFT_DIFFICULTY,
        number,
        gasLimit,
        gasUsed,
        timestampSeconds,
        extraData,
        BFT_MIX_HASH,
        ZERO_NONCE,
        0);
  }

  /** This header with other extraData, everything else unchanged. */
  public BlockHeader withExtraData(Bytes newExtraData) {
    return new BlockHeader(
        parentHash,
        ommersHash,
        coinbase,
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        difficulty,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        newExtraData,
        mixHash,
        nonce,
        baseFeePerGas);
  }
}
