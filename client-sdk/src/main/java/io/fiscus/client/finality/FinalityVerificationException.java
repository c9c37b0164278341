package io.fiscus.client.finality;

import io.fiscus.client.FiscusException;
import java.util.Objects;

/**
 * A finality proof, or the headers leading to it, did not check out: the node's claim that the
 * transaction is final is not shown. The {@link Reason} is stable (for branching, metrics and
 * tests); the message says what exactly failed.
 */
public class FinalityVerificationException extends FiscusException {
  private static final long serialVersionUID = 1L;

  /** Why a proof failed. */
  public enum Reason {
    /** The proof or a header does not decode, or its parts contradict each other. */
    MALFORMED,
    /** The block's validator set (in its extraData) is not the set the client trusts there. */
    UNTRUSTED_VALIDATORS,
    /** A commit seal does not recover, recovers twice to one signer, or is not a validator's. */
    BAD_SEAL,
    /** Fewer distinct validators sealed the block than the quorum {@code ((2n-1)/3)+1}. */
    NO_QUORUM,
    /** The proven transaction is not the one asked about. */
    WRONG_TRANSACTION,
    /** The transaction's Merkle proof does not lead from the header's transactions root to it. */
    TRANSACTION_NOT_PROVEN,
    /** The receipt's Merkle proof does not lead from the header's receipts root to it. */
    RECEIPT_NOT_PROVEN,
    /**
     * The headers between the trusted height and the proof's block do not form a sealed chain: one
     * is missing, does not link to its parent, or fails its seals.
     */
    HEADER_CHAIN_BROKEN,
    /** The block is older than the height the client's trust starts at: nothing vouches for it. */
    BEFORE_TRUSTED_HEIGHT
  }

  /** Why the proof failed. */
  private final Reason reason;

  /**
   * A failure for {@code reason}.
   *
   * @param reason why the proof failed
   * @param detail what exactly failed, for people
   */
  public FinalityVerificationException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * A failure for {@code reason}, found through {@code cause}.
   *
   * @param reason why the proof failed
   * @param detail what exactly failed, for people
   * @param cause the decoder's or checker's error
   */
  public FinalityVerificationException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the proof failed.
   *
   * @return the stable reason
   */
  public Reason reason() {
    return reason;
  }
}
