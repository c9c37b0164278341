package io.fiscus.consensus.driver;

/** The outcome of fully checking a block: executed, or rejected with a stable reason. */
public sealed interface BlockCheck permits BlockCheck.Accepted, BlockCheck.Rejected {

  record Accepted(ExecutedBlock executed) implements BlockCheck {}

  record Rejected(BlockRejection reason, String detail) implements BlockCheck {}
}
