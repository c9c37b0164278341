package io.fiscus.trie;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TrieNodeStore} in memory, for tests and for tries that need no persistence. */
public final class MemoryTrieNodeStore implements TrieNodeStore {
  private final ConcurrentHashMap<Hash, Bytes> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<Bytes> get(Hash nodeHash) {
    return Optional.ofNullable(nodes.get(nodeHash));
  }

  public void put(TrieNode node) {
    nodes.put(node.hash(), node.encoding());
  }

  /** Stores every node of {@code commit}. */
  public void putAll(TrieCommit commit) {
    commit.nodes().forEach(this::put);
  }

  public int size() {
    return nodes.size();
  }
}
