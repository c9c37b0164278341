package io.fiscus.state;

import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.trie.SecureTrie;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNode;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Ethereum-shaped commitment to the world state. The account trie is a {@link SecureTrie} keyed
 * by address whose values are {@link StateAccountCodec RLP[nonce, 0, storageRoot, codeHash]}; each
 * account's storage is a {@link SecureTrie} keyed by the 32-byte slot whose values are RLP strings
 * of the stored bytes. An account is in the trie while it has a non-zero nonce or non-empty
 * storage.
 *
 * <p>{@link #apply} advances the commitment by one block's net changes in one batch: each touched
 * storage trie and the account trie are hashed once. The tries stay in memory between blocks (nodes
 * load lazily from the store and stay cached), so this object assumes that every commit it returns
 * is written to the store; to abandon a block, discard this object and open a new one at the last
 * persisted root. Not thread-safe.
 */
public final class StateCommitment {
  private final TrieNodeStore store;
  private final SecureTrie accounts;
  private final Map<Address, SecureTrie> storageTries = new TreeMap<>();

  /** The state with root {@code stateRoot} in {@code store}; reads nothing until needed. */
  public StateCommitment(TrieNodeStore store, Hash stateRoot) {
    this.store = store;
    this.accounts = new SecureTrie(store, stateRoot);
  }

  /** The current state root. */
  public Hash stateRoot() {
    return accounts.rootHash();
  }

  /** Applies one block's net changes; see {@link #apply(List, SortedMap)}. */
  public TrieCommit apply(StateChanges changes) {
    return apply(changes.sortedStorageWrites(), changes.sortedNonces());
  }

  /**
   * Applies net storage writes and new nonces, and returns the new state root with every trie node
   * created (storage tries' nodes first, by account, then the account trie's), for the caller to
   * persist in the same batch as the block.
   */
  public TrieCommit apply(
      List<StateChanges.StorageWrite> storageWrites, SortedMap<Address, Long> nonces) {
    SortedMap<Address, List<StateChanges.StorageWrite>> writesByContract = new TreeMap<>();
    for (StateChanges.StorageWrite write : storageWrites) {
      writesByContract.computeIfAbsent(write.contract(), c -> new ArrayList<>()).add(write);
    }
    SortedSet<Address> touched = new TreeSet<>(writesByContract.keySet());
    touched.addAll(nonces.keySet());

    Map<Hash, TrieNode> nodes = new LinkedHashMap<>();
    for (Address address : touched) {
      Optional<StateAccount> before = account(address);
      long nonce = nonces.getOrDefault(address, before.map(StateAccount::nonce).orElse(0L));
      Hash storageRoot = before.map(StateAccount::storageRoot).orElse(Hash.EMPTY_TRIE);
      List<StateChanges.StorageWrite> writes = writesByContract.get(address);
      if (writes != null) {
        TrieCommit storage = applyStorage(address, storageRoot, writes);
        storage.nodes().forEach(node -> nodes.putIfAbsent(node.hash(), node));
        storageRoot = storage.root();
      }
      StateAccount after = new StateAccount(nonce, storageRoot);
      if (after.isEmpty()) {
        accounts.remove(address.bytes());
      } else {
        accounts.put(address.bytes(), StateAccountCodec.encode(after));
      }
    }
    TrieCommit accountCommit = accounts.commit();
    accountCommit.nodes().forEach(node -> nodes.putIfAbsent(node.hash(), node));
    return new TrieCommit(accountCommit.root(), new ArrayList<>(nodes.values()));
  }

  private TrieCommit applyStorage(
      Address contract, Hash storageRoot, List<StateChanges.StorageWrite> writes) {
    SecureTrie storage = storageTrie(contract, storageRoot);
    for (StateChanges.StorageWrite write : writes) {
      Bytes slot = write.slot().bytes();
      write
          .value()
          .filter(value -> !value.isEmpty())
          .ifPresentOrElse(
              value -> storage.put(slot, Bytes.wrap(Rlp.string(value))),
              () -> storage.remove(slot));
    }
    return storage.commit();
  }

  /**
   * The cached storage trie of {@code contract} if it is at {@code storageRoot}, else a new one.
   */
  private SecureTrie storageTrie(Address contract, Hash storageRoot) {
    SecureTrie cached = storageTries.get(contract);
    if (cached != null && cached.rootHash().equals(storageRoot)) {
      return cached;
    }
    SecureTrie opened = new SecureTrie(store, storageRoot);
    storageTries.put(contract, opened);
    return opened;
  }

  /** The committed account at {@code address}, if it has a nonce or storage. */
  public Optional<StateAccount> account(Address address) {
    return accounts.get(address.bytes()).map(encoded -> decodeAccount(address, encoded));
  }

  private static StateAccount decodeAccount(Address address, Bytes encoded) {
    try {
      return StateAccountCodec.decode(encoded);
    } catch (RlpException e) {
      throw new IllegalStateException("corrupt account " + address + " in the state trie", e);
    }
  }

  /**
   * An {@code eth_getProof} answer for {@code address} and {@code slots} at the current root. Check
   * the account proof with {@code SecureTrie.verifyProof(stateRoot, address, accountProof)} and
   * each slot's with {@code SecureTrie.verifyProof(storageHash, slot, proof)}.
   */
  public AccountProof proof(Address address, List<Hash> slots) {
    Optional<StateAccount> account = account(address);
    long nonce = account.map(StateAccount::nonce).orElse(0L);
    Hash storageRoot = account.map(StateAccount::storageRoot).orElse(Hash.EMPTY_TRIE);
    // Not cached: proofs may be asked for any address, and must not grow the cache.
    SecureTrie cached = storageTries.get(address);
    SecureTrie storage =
        cached != null && cached.rootHash().equals(storageRoot)
            ? cached
            : new SecureTrie(store, storageRoot);
    List<AccountProof.StorageProof> storageProofs = new ArrayList<>(slots.size());
    for (Hash slot : slots) {
      Optional<Bytes> value = storage.get(slot.bytes()).map(StateCommitment::decodeSlotValue);
      storageProofs.add(new AccountProof.StorageProof(slot, value, storage.proof(slot.bytes())));
    }
    return new AccountProof(
        address,
        nonce,
        storageRoot,
        StateAccount.CODE_HASH,
        accounts.proof(address.bytes()),
        storageProofs);
  }

  /** A storage trie leaf holds the RLP string of the stored bytes. */
  public static Bytes decodeSlotValue(Bytes leafValue) {
    RlpReader reader = RlpReader.of(leafValue);
    Bytes value = reader.readValue();
    reader.requireEnd();
    return value;
  }
}
