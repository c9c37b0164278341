package io.fiscus.block;

/**
 * Bytes that are not a valid encoding of a block, header, QBFT extraData or receipt. Input from
 * peers, storage or clients is expected to be wrong sometimes, so the failure carries a stable
 * {@link Reason} for callers to branch on and count, and a detail message for people.
 */
public final class BlockCodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why decoding failed; the names are stable and may be used as metric labels. */
  public enum Reason {
    /** Not canonical RLP, or a string where a list was expected (or the reverse). */
    MALFORMED_RLP,
    /** A list with more or fewer items than the format has. */
    WRONG_FIELD_COUNT,
    /** A fixed-size field (hash, address, bloom, nonce) of the wrong length. */
    WRONG_FIELD_SIZE,
    /** QBFT extraData vanity that is not exactly 32 bytes. */
    BAD_VANITY,
    /** A commit seal that is not a 65-byte {@code r ‖ s ‖ recId} signature in range. */
    BAD_SEAL,
    /** A QBFT vote that is not {@code []}, {@code [recipient, 0xFF]} or {@code [recipient, ""]}. */
    BAD_VOTE,
    /** A receipt status other than {@code 0x01} or the empty string. */
    BAD_STATUS,
    /** A typed receipt whose type Fiscus does not know. */
    UNSUPPORTED_TYPE,
    /** A transaction in a block body that is neither a typed envelope nor a legacy RLP list. */
    BAD_TRANSACTION,
    /** A block body whose ommers list is not empty (QBFT has no ommers). */
    NON_EMPTY_OMMERS,
    /** A stored revert reason that is not valid UTF-8. */
    BAD_REVERT_REASON,
    /** A stored receipt written by an unknown storage-format version. */
    UNSUPPORTED_STORAGE_VERSION,
  }

  private final Reason reason;

  public BlockCodecException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
