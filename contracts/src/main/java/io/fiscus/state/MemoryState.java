package io.fiscus.state;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A flat in-memory world state, for tests, benchmarks and genesis construction. */
public final class MemoryState implements StateView {
  private final Map<Address, Long> nonces = new HashMap<>();
  private final Map<Address, Map<Hash, Bytes>> storage = new HashMap<>();

  @Override
  public long nonce(Address account) {
    return nonces.getOrDefault(account, 0L);
  }

  @Override
  public Optional<Bytes> storage(Address contract, Hash slot) {
    return Optional.ofNullable(storage.getOrDefault(contract, Map.of()).get(slot));
  }

  /** Applies the net changes of an execution. */
  public void apply(StateChanges changes) {
    nonces.putAll(changes.sortedNonces());
    for (StateChanges.StorageWrite write : changes.sortedStorageWrites()) {
      Map<Hash, Bytes> slots = storage.computeIfAbsent(write.contract(), c -> new HashMap<>());
      write
          .value()
          .ifPresentOrElse(v -> slots.put(write.slot(), v), () -> slots.remove(write.slot()));
    }
  }

  /** An independent copy. */
  public MemoryState copy() {
    MemoryState copy = new MemoryState();
    copy.nonces.putAll(nonces);
    storage.forEach((contract, slots) -> copy.storage.put(contract, new HashMap<>(slots)));
    return copy;
  }
}
