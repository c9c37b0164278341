package io.fiscus.chain;

import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block's net changes laid over the state before it: the state after the block, readable before
 * the batch that makes it durable is committed (for the indexer). Independent of whatever base the
 * executor's {@link StateChanges} overlay had.
 */
final class ChangedState implements StateView {
  private record SlotKey(Address contract, Hash slot) {}

  private final StateView before;
  private final Map<SlotKey, Optional<Bytes>> storage;
  private final Map<Address, Long> nonces;

  ChangedState(
      StateView before, List<StateChanges.StorageWrite> storageWrites, Map<Address, Long> nonces) {
    this.before = before;
    this.storage = HashMap.newHashMap(storageWrites.size());
    for (StateChanges.StorageWrite write : storageWrites) {
      storage.put(
          new SlotKey(write.contract(), write.slot()),
          write.value().filter(value -> !value.isEmpty()));
    }
    this.nonces = Map.copyOf(nonces);
  }

  @Override
  public long nonce(Address account) {
    Long changed = nonces.get(account);
    return changed != null ? changed : before.nonce(account);
  }

  @Override
  public Optional<Bytes> storage(Address contract, Hash slot) {
    Optional<Bytes> changed = storage.get(new SlotKey(contract, slot));
    return changed != null ? changed : before.storage(contract, slot);
  }
}
