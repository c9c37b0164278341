package io.fiscus.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.Keccak;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {
  private static Bytes text(String value) {
    return Bytes.wrap(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyTrieHasTheEmptyTrieRootAndCommitsNoNodes() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());

    assertThat(trie.rootHash()).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(trie.commit()).isEqualTo(new TrieCommit(Hash.EMPTY_TRIE, List.of()));
    assertThat(trie.proof(text("any"))).isEmpty();
    assertThat(MerkleProof.verify(Hash.EMPTY_TRIE, text("any"), List.of()))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void aRootShorterThan32BytesIsStillHashedAndStored() {
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    trie.put(text("a"), text("b"));

    TrieCommit commit = trie.commit();
    store.putAll(commit);

    byte[] leaf = Rlp.list(Rlp.string(new byte[] {0x20, 0x61}), Rlp.string(text("b")));
    assertThat(commit.root()).isEqualTo(Keccak.hash(Bytes.wrap(leaf)));
    assertThat(commit.nodes()).containsExactly(new TrieNode(commit.root(), Bytes.wrap(leaf)));
    assertThat(new MerklePatriciaTrie(store, commit.root()).get(text("a"))).contains(text("b"));
  }

  @Test
  void aSecondCommitListsOnlyTheNodesChangedSinceTheFirst() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    for (int i = 0; i < 200; i++) {
      trie.put(Keccak.hash(Bytes.wrap(Rlp.uint(i))).bytes(), text("value number " + i));
    }
    int firstCommitNodes = trie.commit().nodes().size();
    trie.put(Keccak.hash(Bytes.wrap(Rlp.uint(7))).bytes(), text("changed"));

    TrieCommit second = trie.commit();

    assertThat(firstCommitNodes).isGreaterThan(200);
    // The changed leaf and its ancestors: a handful of nodes, the root last.
    assertThat(second.nodes()).hasSizeBetween(2, 5);
    assertThat(second.nodes().getLast().hash()).isEqualTo(second.root());
    assertThat(trie.commit().nodes()).containsExactly(second.nodes().getLast());
  }

  @Test
  void aNodeMissingFromTheStoreIsReportedWithItsHash() {
    Hash unknown = Keccak.hash(text("no such node"));
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore(), unknown);

    assertThat(trie.rootHash()).isEqualTo(unknown);
    assertThatThrownBy(() -> trie.get(text("key")))
        .isInstanceOfSatisfying(
            MissingTrieNodeException.class, e -> assertThat(e.nodeHash()).isEqualTo(unknown));
  }

  @Test
  void aCorruptStoredNodeIsReportedWithItsHash() {
    Hash hash = Keccak.hash(text("x"));
    TrieNodeStore store = nodeHash -> java.util.Optional.of(Bytes.of((byte) 0xc1, (byte) 0x01));
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store, hash);

    assertThatThrownBy(() -> trie.get(text("key")))
        .isInstanceOfSatisfying(
            CorruptTrieNodeException.class, e -> assertThat(e.nodeHash()).isEqualTo(hash));
  }

  @Test
  void anEmptyValueRemovesTheKey() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    trie.put(text("dog"), text("puppy"));
    trie.put(text("dog"), Bytes.EMPTY);

    assertThat(trie.get(text("dog"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(Hash.EMPTY_TRIE);
  }

  @Test
  void aProofForAnotherKeyDoesNotProveThisOne() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    trie.put(text("doe"), text("reindeer"));
    trie.put(text("dog"), text("puppy"));
    trie.put(text("dogglesworth"), text("cat"));

    assertThat(MerkleProof.verify(trie.rootHash(), text("dog"), trie.proof(text("doe"))))
        .isInstanceOf(ProofResult.Invalid.class);
    assertThat(MerkleProof.verify(trie.rootHash(), text("do"), trie.proof(text("do"))))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void aProofAgainstAnotherRootIsInvalid() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    trie.put(text("dog"), text("puppy"));
    Hash otherRoot = Keccak.hash(text("other"));

    assertThat(MerkleProof.verify(otherRoot, text("dog"), trie.proof(text("dog"))))
        .isInstanceOfSatisfying(
            ProofResult.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(ProofResult.Reason.HASH_MISMATCH));
  }
}
