package io.fiscus.trie;

import io.fiscus.rlp.Rlp;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The root of a list as Ethereum commits to transactions and receipts in a block header: a trie
 * mapping RLP(index) to each item's encoding.
 */
public final class OrderedTrie {
  /** Nothing is ever read: every node of the trie is built in memory. */
  private static final TrieNodeStore NO_STORE = hash -> Optional.empty();

  private OrderedTrie() {}

  /**
   * The root of the trie with {@code values.get(i)} under RLP(i); {@link Hash#EMPTY_TRIE} for an
   * empty list. Values must not be empty (an empty value would mean "absent").
   */
  public static Hash root(List<Bytes> values) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(NO_STORE);
    for (int i = 0; i < values.size(); i++) {
      Bytes value = values.get(i);
      if (value.isEmpty()) {
        throw new IllegalArgumentException("item " + i + " is empty");
      }
      trie.put(Bytes.wrap(Rlp.uint(i)), value);
    }
    return trie.rootHash();
  }
}
