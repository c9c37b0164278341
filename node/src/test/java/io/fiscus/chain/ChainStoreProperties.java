package io.fiscus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.contracts.token.TokenStore;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ChainStoreProperties {
  private static final int ACCOUNTS = 5;

  /**
   * Random blocks of transfers between a few accounts, with amounts that include overdrafts
   * (reverted, nonce still consumed) and whole balances (the balance slot is deleted).
   */
  @Property(tries = 40)
  void flatStateAfterCommitsEqualsAMemoryStateWithTheSameChanges(
      @ForAll("blocks") List<List<int[]>> blocks) {
    TestChain test = new TestChain(new MemoryKeyValueStore(), ACCOUNTS);
    test.commitGenesis();
    MemoryState expected = new MemoryState();
    expected.apply(test.genesisChanges());
    Map<String, Boolean> touched = new TreeMap<>();
    recordTouched(test.genesisChanges(), touched);

    for (List<int[]> transfers : blocks) {
      TestChain.Prepared block = test.commitNext(test.transfers(wholeBalances(test, transfers)));
      expected.apply(block.changes());
      recordTouched(block.changes(), touched);
    }

    assertThat(test.chain.headNumber()).isEqualTo(blocks.size());
    assertThat(flatEntries(test.store)).isEqualTo(expectedEntries(expected, test, touched));
  }

  @Provide
  Arbitrary<List<List<int[]>>> blocks() {
    Arbitrary<Integer> account = Arbitraries.integers().between(1, ACCOUNTS - 1);
    // Amount codes: a positive number is that amount, -1 means "the sender's whole balance".
    Arbitrary<Integer> amount =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(1, 1_000)),
            Tuple.of(2, Arbitraries.just(-1)),
            Tuple.of(2, Arbitraries.just((int) (3 * TestChain.BALANCE))));
    Arbitrary<int[]> transfer =
        Combinators.combine(account, account, amount)
            .as((from, to, value) -> new int[] {from, to, value});
    return transfer.list().ofMaxSize(5).list().ofMinSize(1).ofMaxSize(6);
  }

  /** Resolves "whole balance" codes against the head state (only the block's first use counts). */
  private static List<int[]> wholeBalances(TestChain test, List<int[]> transfers) {
    List<int[]> resolved = new ArrayList<>();
    for (int[] transfer : transfers) {
      long amount = transfer[2];
      if (amount < 0) {
        amount =
            Math.max(
                1,
                TokenStore.balance(test.chain.latestState(), test.workload.account(transfer[0])));
      }
      resolved.add(new int[] {transfer[0], transfer[1], (int) amount});
    }
    return resolved;
  }

  private static void recordTouched(StateChanges changes, Map<String, Boolean> touched) {
    for (StateChanges.StorageWrite write : changes.sortedStorageWrites()) {
      touched.put(hex(FlatState.storageKey(write.contract(), write.slot())), true);
    }
    for (Address account : changes.sortedNonces().keySet()) {
      touched.put(hex(FlatState.nonceKey(account)), true);
    }
  }

  private static Map<String, String> flatEntries(KeyValueStore store) {
    Map<String, String> entries = new TreeMap<>();
    byte[] from = {};
    byte[] to = {(byte) 0xff};
    for (KeyValueStore.Entry entry : store.scan(Column.STATE_FLAT, from, to, false, 100_000)) {
      entries.put(hex(entry.key()), hex(entry.value()));
    }
    return entries;
  }

  /** What the flat column must hold: every touched key that the memory state has a value for. */
  private static Map<String, String> expectedEntries(
      MemoryState expected, TestChain test, Map<String, Boolean> touched) {
    Map<String, String> entries = new TreeMap<>();
    Map<String, Address> nonceKeys = new HashMap<>();
    for (int index = 0; index < ACCOUNTS; index++) {
      Address account = test.workload.account(index);
      nonceKeys.put(hex(FlatState.nonceKey(account)), account);
    }
    for (String key : touched.keySet()) {
      Address account = nonceKeys.get(key);
      if (account != null) {
        long nonce = expected.nonce(account);
        if (nonce != 0) {
          entries.put(key, String.format("0x%016x", nonce));
        }
        continue;
      }
      Bytes raw = Bytes.fromHex(key);
      Address contract = Address.wrap(raw.slice(1, 1 + Address.SIZE).toArray());
      Hash slot = Hash.wrap(raw.slice(1 + Address.SIZE, raw.size()).toArray());
      expected.storage(contract, slot).ifPresent(value -> entries.put(key, hex(value.toArray())));
    }
    return entries;
  }

  private static String hex(byte[] bytes) {
    return Bytes.wrap(bytes).toHex();
  }
}
