package io.fiscus.tx;

import io.fiscus.types.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * Fiscus's admission policy over {@link TransactionCodec}: a transaction must be signed for this
 * chain with replay protection, stay within the size limits, call an existing (system) contract and
 * move no ether. High-s signatures are refused by the codec already, so this class does not look at
 * signatures again.
 */
public final class TransactionAdmission {
  /** The raw size limit: room for any system-contract call with ample headroom. */
  public static final int DEFAULT_RAW_BYTES_MAX = 128 * 1024;

  /** The call data limit, leaving 8 KiB of the raw limit for the envelope and access list. */
  public static final int DEFAULT_DATA_BYTES_MAX = 120 * 1024;

  private final long chainId;
  private final int rawBytesMax;
  private final int dataBytesMax;
  private final TransactionCodec codec;

  /**
   * @param chainId the chain id every transaction must name
   * @param rawBytesMax the largest raw transaction accepted, checked before decoding
   * @param dataBytesMax the largest call data accepted
   */
  public TransactionAdmission(
      long chainId, int rawBytesMax, int dataBytesMax, TransactionCodec codec) {
    if (rawBytesMax <= 0 || dataBytesMax <= 0) {
      throw new IllegalArgumentException("size limits must be positive");
    }
    this.chainId = chainId;
    this.rawBytesMax = rawBytesMax;
    this.dataBytesMax = dataBytesMax;
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** The default limits and the default sender recovery. */
  public static TransactionAdmission withDefaults(long chainId) {
    return new TransactionAdmission(
        chainId,
        DEFAULT_RAW_BYTES_MAX,
        DEFAULT_DATA_BYTES_MAX,
        TransactionCodec.withDefaultRecovery());
  }

  /** Decodes {@code raw} and applies the policy; never throws on bad input. */
  public TransactionDecoding admit(Bytes raw) {
    if (raw.size() > rawBytesMax) {
      // Refused before decoding, so an oversize input costs no parsing or recovery.
      return new TransactionDecoding.Rejected(
          TransactionRejection.OVERSIZE_TRANSACTION,
          raw.size() + " bytes exceed the limit of " + rawBytesMax);
    }
    TransactionDecoding decoding = codec.decode(raw);
    if (decoding instanceof TransactionDecoding.Decoded(SignedTransaction transaction)) {
      Optional<TransactionDecoding.Rejected> refusal = check(transaction);
      if (refusal.isPresent()) {
        return refusal.get();
      }
    }
    return decoding;
  }

  /** The policy alone, for a transaction that is already decoded. */
  public Optional<TransactionDecoding.Rejected> check(SignedTransaction transaction) {
    if (transaction.chainId().isEmpty()) {
      return reject(TransactionRejection.UNPROTECTED_LEGACY, "legacy transaction without EIP-155");
    }
    if (transaction.chainId().getAsLong() != chainId) {
      return reject(
          TransactionRejection.WRONG_CHAIN_ID,
          "signed for chain " + transaction.chainId().getAsLong() + ", this is chain " + chainId);
    }
    if (transaction.raw().size() > rawBytesMax) {
      return reject(
          TransactionRejection.OVERSIZE_TRANSACTION,
          transaction.raw().size() + " bytes exceed the limit of " + rawBytesMax);
    }
    if (transaction.data().size() > dataBytesMax) {
      return reject(
          TransactionRejection.OVERSIZE_DATA,
          transaction.data().size() + " bytes of data exceed the limit of " + dataBytesMax);
    }
    if (transaction.to().isEmpty()) {
      return reject(
          TransactionRejection.CONTRACT_CREATION_NOT_SUPPORTED, "Fiscus deploys no contracts");
    }
    if (transaction.value().signum() != 0) {
      return reject(
          TransactionRejection.VALUE_TRANSFER_NOT_SUPPORTED,
          "value must be 0: money moves through the Token contract");
    }
    return Optional.empty();
  }

  private static Optional<TransactionDecoding.Rejected> reject(
      TransactionRejection reason, String detail) {
    return Optional.of(new TransactionDecoding.Rejected(reason, detail));
  }
}
