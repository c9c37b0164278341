package io.fiscus.rpc.state;

import io.fiscus.state.StateAccount;
import io.fiscus.state.StateCommitment;
import io.fiscus.state.StateView;
import io.fiscus.trie.SecureTrie;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The world state at any committed state root, read through the trie nodes instead of the flat
 * state (which only holds the head). Slower than flat reads (a trie walk per read), so RPC uses it
 * only for calls at blocks older than the head. Not thread-safe: open one per request.
 */
public final class TrieStateView implements StateView {
  private final TrieNodeStore store;
  private final StateCommitment commitment;
  private final Map<Address, SecureTrie> storageTries = new HashMap<>();

  public TrieStateView(TrieNodeStore store, Hash stateRoot) {
    this.store = store;
    this.commitment = new StateCommitment(store, stateRoot);
  }

  @Override
  public long nonce(Address account) {
    return commitment.account(account).map(StateAccount::nonce).orElse(0L);
  }

  @Override
  public Optional<Bytes> storage(Address contract, Hash slot) {
    return storageTrie(contract).get(slot.bytes()).map(StateCommitment::decodeSlotValue);
  }

  private SecureTrie storageTrie(Address contract) {
    return storageTries.computeIfAbsent(
        contract,
        address ->
            new SecureTrie(
                store,
                commitment
                    .account(address)
                    .map(StateAccount::storageRoot)
                    .orElse(Hash.EMPTY_TRIE)));
  }
}
