package io.fiscus.contracts.system;

import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * Value encodings in contract storage: scalars are RLP unsigned integers and records are RLP lists.
 * A zero scalar or an absent record is an absent slot, as in Ethereum, so state never holds zeros
 * and an untouched account costs nothing.
 */
public final class StoredValues {
  private StoredValues() {}

  /** A non-negative scalar; 0 if the slot is empty. */
  public static long readLong(StateView state, Address contract, Hash slot) {
    Optional<Bytes> value = state.storage(contract, slot);
    if (value.isEmpty()) {
      return 0;
    }
    RlpReader reader = RlpReader.of(value.get());
    long result = reader.readLong();
    reader.requireEnd();
    return result;
  }

  /** Writes a non-negative scalar; 0 deletes the slot. */
  public static void writeLong(StateChanges state, Address contract, Hash slot, long value) {
    if (value == 0) {
      state.deleteStorage(contract, slot);
    } else {
      state.putStorage(contract, slot, Bytes.wrap(Rlp.uint(value)));
    }
  }

  /** The RLP list stored in a slot, entered, if any. */
  public static Optional<RlpReader> readList(StateView state, Address contract, Hash slot) {
    return state.storage(contract, slot).map(value -> RlpReader.of(value).enterList());
  }

  public static void writeRaw(StateChanges state, Address contract, Hash slot, byte[] rlp) {
    state.putStorage(contract, slot, Bytes.wrap(rlp));
  }
}
