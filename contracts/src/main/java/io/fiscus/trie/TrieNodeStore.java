package io.fiscus.trie;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * Where trie nodes live, by the keccak256 of their encoding. The trie only reads through this port;
 * new nodes leave a trie as a {@link TrieCommit} for the caller to write (in the same atomic batch
 * as the block that produced them).
 */
public interface TrieNodeStore {
  /** The encoding of the node whose hash is {@code nodeHash}, if stored. */
  Optional<Bytes> get(Hash nodeHash);
}
