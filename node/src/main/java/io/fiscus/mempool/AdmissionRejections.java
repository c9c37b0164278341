package io.fiscus.mempool;

import io.fiscus.tx.TransactionDecoding;
import io.fiscus.tx.TransactionRejection;

/**
 * Maps the codec's and admission policy's reasons to the pool's JSON-RPC reasons. The switch is
 * exhaustive, so a reason added to {@link TransactionRejection} does not compile until it is
 * mapped.
 */
final class AdmissionRejections {
  private AdmissionRejections() {}

  static PoolRejection toPool(TransactionRejection reason) {
    return switch (reason) {
      case EMPTY_INPUT,
          MALFORMED_RLP,
          TRAILING_BYTES,
          UNSUPPORTED_TYPE,
          WRONG_FIELD_COUNT,
          NON_CANONICAL_INTEGER,
          FIELD_OUT_OF_RANGE,
          PRIORITY_FEE_ABOVE_MAX_FEE,
          INVALID_ADDRESS,
          INVALID_ACCESS_LIST,
          // Well-formed but meaningless on Fiscus: the parameter is wrong, as for bad fields.
          CONTRACT_CREATION_NOT_SUPPORTED,
          VALUE_TRANSFER_NOT_SUPPORTED ->
          PoolRejection.MALFORMED;
      case INVALID_SIGNATURE, HIGH_S, UNRECOVERABLE_SENDER -> PoolRejection.INVALID_SIGNATURE;
      case WRONG_CHAIN_ID -> PoolRejection.WRONG_CHAIN_ID;
      case UNPROTECTED_LEGACY -> PoolRejection.CHAIN_ID_REQUIRED;
      case OVERSIZE_DATA, OVERSIZE_TRANSACTION -> PoolRejection.OVERSIZE_TRANSACTION;
    };
  }

  /** The pool's rejection, its detail led by the codec's stable code for logs and error data. */
  static Submission.Rejected toPool(TransactionDecoding.Rejected rejected) {
    return new Submission.Rejected(
        toPool(rejected.reason()), rejected.reason().code() + ": " + rejected.detail());
  }
}
