package io.fiscus.state;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A write overlay on a {@link StateView}: reads see the overlay first. {@link #checkpoint()} and
 * {@link #revertTo(int)} undo a failed call's writes; {@link #sortedStorageWrites()} and {@link
 * #sortedNonces()} give the net changes in a deterministic order for commitment and storage.
 *
 * <p>Not thread-safe: one overlay belongs to one block execution.
 */
public final class StateChanges implements StateView {
  /** A storage write; an empty value deletes the slot. */
  public record StorageWrite(Address contract, Hash slot, Optional<Bytes> value) {}

  private record SlotKey(Address contract, Hash slot) {}

  private sealed interface Undo {}

  private record UndoStorage(SlotKey key, Optional<Optional<Bytes>> previous) implements Undo {}

  private record UndoNonce(Address account, Optional<Long> previous) implements Undo {}

  private final StateView base;
  private final Map<SlotKey, Optional<Bytes>> storage = new HashMap<>();
  private final Map<Address, Long> nonces = new HashMap<>();
  private final List<Undo> journal = new ArrayList<>();

  public StateChanges(StateView base) {
    this.base = base;
  }

  @Override
  public long nonce(Address account) {
    Long written = nonces.get(account);
    return written != null ? written : base.nonce(account);
  }

  @Override
  public Optional<Bytes> storage(Address contract, Hash slot) {
    Optional<Bytes> written = storage.get(new SlotKey(contract, slot));
    return written != null ? written : base.storage(contract, slot);
  }

  public void setNonce(Address account, long nonce) {
    journal.add(new UndoNonce(account, Optional.ofNullable(nonces.put(account, nonce))));
  }

  public void putStorage(Address contract, Hash slot, Bytes value) {
    write(new SlotKey(contract, slot), value.isEmpty() ? Optional.empty() : Optional.of(value));
  }

  public void deleteStorage(Address contract, Hash slot) {
    write(new SlotKey(contract, slot), Optional.empty());
  }

  private void write(SlotKey key, Optional<Bytes> value) {
    journal.add(new UndoStorage(key, Optional.ofNullable(storage.put(key, value))));
  }

  /** A mark to {@link #revertTo(int)}. */
  public int checkpoint() {
    return journal.size();
  }

  /** Undoes every write made after {@code checkpoint}. */
  public void revertTo(int checkpoint) {
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      switch (journal.remove(i)) {
        case UndoStorage undo ->
            undo.previous()
                .ifPresentOrElse(p -> storage.put(undo.key(), p), () -> storage.remove(undo.key()));
        case UndoNonce undo ->
            undo.previous()
                .ifPresentOrElse(
                    p -> nonces.put(undo.account(), p), () -> nonces.remove(undo.account()));
      }
    }
  }

  /** Forgets the undo journal once a transaction is final within the block (bounds memory). */
  public void commitJournal() {
    journal.clear();
  }

  /** Net storage writes, sorted by contract then slot. */
  public List<StorageWrite> sortedStorageWrites() {
    return storage.entrySet().stream()
        .map(e -> new StorageWrite(e.getKey().contract(), e.getKey().slot(), e.getValue()))
        .sorted(Comparator.comparing(StorageWrite::contract).thenComparing(StorageWrite::slot))
        .toList();
  }

  /** Net nonce changes, sorted by address. */
  public SortedMap<Address, Long> sortedNonces() {
    return new TreeMap<>(nonces);
  }
}
