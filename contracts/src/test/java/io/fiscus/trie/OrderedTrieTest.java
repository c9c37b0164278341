package io.fiscus.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedTrieTest {

  @Test
  void anEmptyListHasTheEmptyTrieRoot() {
    assertThat(OrderedTrie.root(List.of())).isEqualTo(Hash.EMPTY_TRIE);
  }

  @Test
  void itemsAreKeyedByTheRlpOfTheirIndex() {
    List<Bytes> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(Bytes.wrap(("transaction " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    // RLP(0) is the empty string 0x80, 1..127 are single bytes, 128 and up are 0x81/0x82 strings.
    MerklePatriciaTrie expected = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    for (int i = items.size() - 1; i >= 0; i--) {
      expected.put(rlpIndex(i), items.get(i));
    }

    assertThat(OrderedTrie.root(items)).isEqualTo(expected.rootHash());
    assertThat(OrderedTrie.root(items.subList(0, 1)))
        .isNotEqualTo(OrderedTrie.root(items.subList(1, 2)));
  }

  private static Bytes rlpIndex(int i) {
    if (i == 0) {
      return Bytes.of((byte) 0x80);
    }
    if (i < 0x80) {
      return Bytes.of((byte) i);
    }
    if (i < 0x100) {
      return Bytes.of((byte) 0x81, (byte) i);
    }
    return Bytes.of((byte) 0x82, (byte) (i >> 8), (byte) i);
  }

  @Test
  void anEmptyItemIsRejected() {
    assertThatThrownBy(() -> OrderedTrie.root(List.of(Bytes.of((byte) 1), Bytes.EMPTY)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
