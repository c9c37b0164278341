package io.fiscus.mempool;

import io.fiscus.types.Hash;

/** The pool's answer to a submitted raw transaction. */
public sealed interface Submission {
  record Accepted(Hash hash) implements Submission {}

  /** Refused; {@code detail} says more for logs and the error's {@code data}. */
  record Rejected(PoolRejection reason, String detail) implements Submission {}
}
