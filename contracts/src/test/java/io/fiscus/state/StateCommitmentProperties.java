package io.fiscus.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The state root depends only on the final state, never on write order or block boundaries. */
class StateCommitmentProperties {
  private static final List<Address> ACCOUNTS =
      List.of(
          Address.fromHex("0x0000000000000000000000000000000000000f01"),
          Address.fromHex("0x0000000000000000000000000000000000000f02"),
          Address.fromHex("0x00000000000000000000000000000000000a11ce"));

  /** A write: a nonce (when {@code slot} is negative) or a storage slot, empty value deletes. */
  record Write(int account, int slot, Bytes value, long nonce) {
    void applyTo(StateChanges changes) {
      Address address = ACCOUNTS.get(account);
      if (slot < 0) {
        changes.setNonce(address, nonce);
      } else if (value.isEmpty()) {
        changes.deleteStorage(address, slotHash(slot));
      } else {
        changes.putStorage(address, slotHash(slot), value);
      }
    }
  }

  private static Hash slotHash(int slot) {
    byte[] bytes = new byte[Hash.SIZE];
    bytes[31] = (byte) slot;
    return Hash.wrap(bytes);
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    Arbitrary<Bytes> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::of);
    return Combinators.combine(
            Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
            Arbitraries.integers().between(-1, 20),
            values,
            Arbitraries.longs().between(0, 5))
        .as(Write::new)
        .list()
        .ofMaxSize(80);
  }

  /** Keeps only the last write of each key, so the net state is the same in any order. */
  private static List<Write> lastWritePerKey(List<Write> writes) {
    java.util.Map<String, Write> last = new java.util.TreeMap<>();
    for (Write write : writes) {
      last.put(write.account() + ":" + write.slot(), write);
    }
    return new ArrayList<>(last.values());
  }

  private static StateChanges changes(List<Write> writes) {
    StateChanges changes = new StateChanges(new MemoryState());
    writes.forEach(write -> write.applyTo(changes));
    return changes;
  }

  @Property
  void theRootDoesNotDependOnWriteOrder(
      @ForAll("writes") List<Write> writes, @ForAll Random random) {
    List<Write> net = lastWritePerKey(writes);
    List<Write> shuffled = new ArrayList<>(net);
    Collections.shuffle(shuffled, random);

    Hash first =
        new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE).apply(changes(net)).root();
    Hash second =
        new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE)
            .apply(changes(shuffled))
            .root();

    assertThat(second).isEqualTo(first);
  }

  @Property
  void theRootDoesNotDependOnHowWritesAreSplitIntoBlocks(
      @ForAll("writes") List<Write> writes, @ForAll Random random) {
    int split = writes.isEmpty() ? 0 : random.nextInt(writes.size() + 1);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    StateCommitment inTwoBlocks = new StateCommitment(store, Hash.EMPTY_TRIE);
    TrieCommit firstBlock = inTwoBlocks.apply(changes(writes.subList(0, split)));
    store.putAll(firstBlock);
    // The second block runs on a commitment reopened from the store, loading nodes lazily.
    StateCommitment reopened = new StateCommitment(store, firstBlock.root());
    Hash twoBlocks = reopened.apply(changes(writes.subList(split, writes.size()))).root();

    Hash oneBlock =
        new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE)
            .apply(changes(writes))
            .root();

    assertThat(twoBlocks).isEqualTo(oneBlock);
  }
}
