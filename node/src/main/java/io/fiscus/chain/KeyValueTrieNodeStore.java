package io.fiscus.chain;

import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNode;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * State trie nodes in {@link Column#TRIE_NODES}, keyed by their 32-byte hash. Content-addressed, so
 * a node shared by many roots is stored once and never rewritten; nothing is pruned, which keeps
 * every committed root readable (proofs at past blocks).
 */
public final class KeyValueTrieNodeStore implements TrieNodeStore {
  private final KeyValueStore store;

  public KeyValueTrieNodeStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<Bytes> get(Hash nodeHash) {
    return store.get(Column.TRIE_NODES, nodeHash.bytes().unsafeArray()).map(Bytes::wrap);
  }

  /** Adds every node of {@code commit} to {@code batch}. */
  public static void write(TrieCommit commit, WriteBatch batch) {
    for (TrieNode node : commit.nodes()) {
      batch.put(
          Column.TRIE_NODES, node.hash().bytes().unsafeArray(), node.encoding().unsafeArray());
    }
  }
}
