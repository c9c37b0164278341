package io.fiscus.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of the trie over random keys that share long prefixes, and random values. */
class MerklePatriciaTrieProperties {

  /** A write; an empty value is a removal. */
  record Write(Bytes key, Bytes value) {}

  @Provide
  Arbitrary<Bytes> keys() {
    // A small alphabet makes keys share prefixes, so extensions and branch values occur often.
    Arbitrary<Bytes> clustered =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0xff)
            .array(byte[].class)
            .ofMaxSize(5)
            .map(Bytes::of);
    Arbitrary<Bytes> hashed = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::of);
    return Arbitraries.frequencyOf(Tuple.of(4, clustered), Tuple.of(1, hashed));
  }

  @Provide
  Arbitrary<Bytes> values() {
    // Short values give embedded nodes, long ones hashed nodes.
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(Bytes::of);
  }

  @Provide
  Arbitrary<Map<Bytes, Bytes>> contents() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(40).map(TreeMap::new);
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    Arbitrary<Bytes> valueOrRemoval =
        Arbitraries.frequencyOf(Tuple.of(4, values()), Tuple.of(1, Arbitraries.just(Bytes.EMPTY)));
    return Combinators.combine(keys(), valueOrRemoval).as(Write::new).list().ofMaxSize(60);
  }

  private static MerklePatriciaTrie trieOf(TrieNodeStore store, Iterable<Write> writes) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    writes.forEach(write -> trie.put(write.key(), write.value()));
    return trie;
  }

  private static List<Write> asWrites(Map<Bytes, Bytes> contents) {
    List<Write> writes = new ArrayList<>();
    contents.forEach((key, value) -> writes.add(new Write(key, value)));
    return writes;
  }

  @Property
  void theRootDoesNotDependOnInsertionOrder(
      @ForAll("contents") Map<Bytes, Bytes> contents, @ForAll Random random) {
    List<Write> ordered = asWrites(contents);
    List<Write> shuffled = new ArrayList<>(ordered);
    Collections.shuffle(shuffled, random);

    Hash inOrder = trieOf(new MemoryTrieNodeStore(), ordered).rootHash();
    Hash outOfOrder = trieOf(new MemoryTrieNodeStore(), shuffled).rootHash();

    assertThat(outOfOrder).isEqualTo(inOrder);
    assertThat(inOrder.equals(Hash.EMPTY_TRIE)).isEqualTo(contents.isEmpty());
  }

  @Property
  void putThenRemoveReturnsToThePreviousRoot(
      @ForAll("contents") Map<Bytes, Bytes> contents,
      @ForAll("keys") Bytes key,
      @ForAll("values") Bytes value) {
    contents.remove(key);
    MerklePatriciaTrie trie = trieOf(new MemoryTrieNodeStore(), asWrites(contents));
    Hash before = trie.rootHash();

    trie.put(key, value);
    assertThat(trie.rootHash()).isNotEqualTo(before);
    trie.remove(key);

    assertThat(trie.rootHash()).isEqualTo(before);
    assertThat(trie.get(key)).isEmpty();
  }

  @Property
  void batchedWritesGiveTheSameRootAsHashingAfterEveryWrite(@ForAll("writes") List<Write> writes) {
    MerklePatriciaTrie eager = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    MemoryTrieNodeStore committedStore = new MemoryTrieNodeStore();
    MerklePatriciaTrie committing = new MerklePatriciaTrie(committedStore);
    for (Write write : writes) {
      eager.put(write.key(), write.value());
      eager.rootHash();
      committing.put(write.key(), write.value());
      committedStore.putAll(committing.commit());
    }
    MerklePatriciaTrie batched = trieOf(new MemoryTrieNodeStore(), writes);

    assertThat(batched.rootHash()).isEqualTo(eager.rootHash());
    assertThat(committing.rootHash()).isEqualTo(eager.rootHash());
    assertThat(batched.rootHash()).isEqualTo(expectedRoot(writes));
  }

  /** The root of the net contents, built in one go in key order. */
  private static Hash expectedRoot(List<Write> writes) {
    Map<Bytes, Bytes> net = new TreeMap<>();
    for (Write write : writes) {
      if (write.value().isEmpty()) {
        net.remove(write.key());
      } else {
        net.put(write.key(), write.value());
      }
    }
    return trieOf(new MemoryTrieNodeStore(), asWrites(net)).rootHash();
  }

  @Property
  void aTrieReloadedFromTheStoreByRootHasTheSameContents(
      @ForAll("contents") Map<Bytes, Bytes> contents,
      @ForAll("writes") List<Write> laterWrites,
      @ForAll("keys") Bytes probe) {
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    MerklePatriciaTrie original = trieOf(store, asWrites(contents));
    TrieCommit commit = original.commit();
    store.putAll(commit);

    MerklePatriciaTrie reloaded = new MerklePatriciaTrie(store, commit.root());

    assertThat(commit.root()).isEqualTo(original.rootHash());
    assertThat(reloaded.rootHash()).isEqualTo(original.rootHash());
    contents.forEach((key, value) -> assertThat(reloaded.get(key)).contains(value));
    assertThat(reloaded.get(probe)).isEqualTo(Optional.ofNullable(contents.get(probe)));
    // Updating a lazily loaded trie gives the same root as updating the in-memory original.
    for (Write write : laterWrites) {
      original.put(write.key(), write.value());
      reloaded.put(write.key(), write.value());
    }
    assertThat(reloaded.rootHash()).isEqualTo(original.rootHash());
  }

  @Property
  void proofsShowPresentAndAbsentKeys(
      @ForAll("contents") Map<Bytes, Bytes> contents, @ForAll("keys") Bytes probe) {
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    MerklePatriciaTrie trie = trieOf(store, asWrites(contents));
    Hash root = trie.rootHash();
    store.putAll(trie.commit());
    MerklePatriciaTrie reloaded = new MerklePatriciaTrie(store, root);

    for (Map.Entry<Bytes, Bytes> entry : contents.entrySet()) {
      assertThat(MerkleProof.verify(root, entry.getKey(), trie.proof(entry.getKey())))
          .isEqualTo(new ProofResult.Present(entry.getValue()));
    }
    ProofResult expected =
        contents.containsKey(probe)
            ? new ProofResult.Present(contents.get(probe))
            : new ProofResult.Absent();
    assertThat(MerkleProof.verify(root, probe, trie.proof(probe))).isEqualTo(expected);
    assertThat(reloaded.proof(probe)).isEqualTo(trie.proof(probe));
  }

  @Property
  void aProofWithAnyByteFlippedIsInvalid(
      @ForAll("contents") Map<Bytes, Bytes> contents,
      @ForAll("keys") Bytes probe,
      @ForAll Random random) {
    MerklePatriciaTrie trie = trieOf(new MemoryTrieNodeStore(), asWrites(contents));
    List<Bytes> proof = trie.proof(probe);
    if (proof.isEmpty()) {
      assertThat(contents).isEmpty();
      return;
    }
    int node = random.nextInt(proof.size());
    byte[] tampered = proof.get(node).toArray();
    int at = random.nextInt(tampered.length);
    tampered[at] ^= (byte) (1 + random.nextInt(255));
    List<Bytes> tamperedProof = new ArrayList<>(proof);
    tamperedProof.set(node, Bytes.wrap(tampered));

    assertThat(MerkleProof.verify(trie.rootHash(), probe, tamperedProof))
        .isInstanceOf(ProofResult.Invalid.class);
  }

  @Property
  void aProofMissingItsLastNodeOrCarryingAnExtraOneIsInvalid(
      @ForAll("contents") Map<Bytes, Bytes> contents, @ForAll("keys") Bytes probe) {
    MerklePatriciaTrie trie = trieOf(new MemoryTrieNodeStore(), asWrites(contents));
    List<Bytes> proof = trie.proof(probe);
    if (proof.isEmpty()) {
      return;
    }
    List<Bytes> truncated = proof.subList(0, proof.size() - 1);
    List<Bytes> extended = new ArrayList<>(proof);
    extended.add(proof.get(0));

    assertThat(MerkleProof.verify(trie.rootHash(), probe, truncated))
        .isInstanceOfSatisfying(
            ProofResult.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(ProofResult.Reason.MISSING_NODE));
    assertThat(MerkleProof.verify(trie.rootHash(), probe, extended))
        .isInstanceOfSatisfying(
            ProofResult.Invalid.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(ProofResult.Reason.UNUSED_NODES));
  }
}
