package io.fiscus.trie;

import io.fiscus.types.Bytes;

/** What a Merkle proof shows about a key, checked against a trusted root alone. */
public sealed interface ProofResult {
  /** The key is in the trie with {@code value}. */
  record Present(Bytes value) implements ProofResult {}

  /** The key is not in the trie. */
  record Absent() implements ProofResult {}

  /** The proof shows nothing: it does not match the root, or is malformed. */
  record Invalid(Reason reason, String detail) implements ProofResult {}

  /** Why a proof is invalid; stable, for assertions and metric labels. */
  enum Reason {
    /** The proof ends before the key's path does. */
    MISSING_NODE,
    /** A node's hash is not the one its parent (or the root) commits to. */
    HASH_MISMATCH,
    /** A node does not decode as a canonical trie node. */
    MALFORMED_NODE,
    /** The proof carries nodes beyond the end of the key's path. */
    UNUSED_NODES
  }
}
