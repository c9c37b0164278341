package io.fiscus.rpc.access;

/** What the visibility rules say about one look, from least to most permissive. */
public enum Verdict {
  /** Refused with -32000 {@code Forbidden}. */
  FORBID,
  /** Served once the look, with the caller's reason, is recorded in the access log. */
  RECORD,
  /** Served. */
  ALLOW;

  /** The more permissive of the two: a caller with several roles gets the best of them. */
  public Verdict or(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
