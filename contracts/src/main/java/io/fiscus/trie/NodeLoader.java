package io.fiscus.trie;

import io.fiscus.types.Bytes;

/** Loads {@link Node.Stored} references from a {@link TrieNodeStore}, once each. */
final class NodeLoader {
  private final TrieNodeStore store;

  NodeLoader(TrieNodeStore store) {
    this.store = store;
  }

  /** {@code node} itself, or the node a stored reference points to. Null stays null. */
  Node resolve(Node node) {
    if (!(node instanceof Node.Stored stored)) {
      return node;
    }
    Node loaded = stored.resolved;
    if (loaded == null) {
      Bytes encoded =
          store
              .get(stored.nodeHash)
              .orElseThrow(() -> new MissingTrieNodeException(stored.nodeHash));
      try {
        loaded = NodeCodec.decode(encoded.unsafeArray());
      } catch (NodeCodec.MalformedNodeException e) {
        throw new CorruptTrieNodeException(stored.nodeHash, e.getMessage());
      }
      stored.resolved = loaded;
    }
    return loaded;
  }
}
