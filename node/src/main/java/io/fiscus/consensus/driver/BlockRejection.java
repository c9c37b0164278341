package io.fiscus.consensus.driver;

/** Why a proposed or synced block is invalid: stable codes for tests, logs and metric labels. */
public enum BlockRejection {
  NOT_A_CHAIN_BLOCK,
  WRONG_NUMBER,
  WRONG_PARENT_HASH,
  PARENT_NOT_HEAD,
  TIMESTAMP_BEFORE_PARENT,
  TIMESTAMP_IN_FUTURE,
  WRONG_GAS_LIMIT,
  NOT_QBFT_CONSTANTS,
  WRONG_VALIDATORS,
  PROPOSER_NOT_A_VALIDATOR,
  VOTE_IN_EPOCH_BLOCK,
  CARRIES_SEALS,
  TRANSACTION_REJECTED,
  TRANSACTION_NOT_INCLUDABLE,
  GAS_USED_MISMATCH,
  LOGS_BLOOM_MISMATCH,
  TRANSACTIONS_ROOT_MISMATCH,
  RECEIPTS_ROOT_MISMATCH,
  STATE_ROOT_MISMATCH,
  /** A synced block's commit seals are not a quorum of distinct validators of its height. */
  COMMIT_SEALS_INVALID,
  /** A synced block at a height the chain already has, with another hash. */
  CONFLICTS_WITH_CHAIN
}
