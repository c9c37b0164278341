package io.fiscus.trie;

import io.fiscus.types.Hash;
import java.util.List;

/**
 * The result of committing a trie: its root hash and the nodes created since the last commit, each
 * once, children before parents (a deterministic order for a given sequence of updates). Nodes
 * shorter than 32 bytes are embedded in their parent and not listed, except the root, which is
 * always listed when new so that the trie can be reloaded from its root hash.
 */
public record TrieCommit(Hash root, List<TrieNode> nodes) {
  public TrieCommit {
    nodes = List.copyOf(nodes);
  }
}
