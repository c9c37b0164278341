package io.fiscus.chain;

import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest world state as flat entries of {@link Column#STATE_FLAT}, read with one point lookup
 * each (the trie is only for commitments). Key layout:
 *
 * <ul>
 *   <li>{@code 'n' ‖ address (20)} → the account's nonce, 8 bytes big-endian; absent means 0.
 *   <li>{@code 's' ‖ contract (20) ‖ slot (32)} → the stored bytes, never empty; absent means
 *       unset.
 * </ul>
 *
 * A zero nonce and an empty value are written as deletes, so the column holds exactly the state the
 * trie commits to. Reads are as thread-safe as the store.
 */
public final class FlatState implements StateView {
  private static final byte NONCE_TAG = 'n';
  private static final byte STORAGE_TAG = 's';
  private static final int NONCE_KEY_SIZE = 1 + Address.SIZE;
  private static final int STORAGE_KEY_SIZE = 1 + Address.SIZE + Hash.SIZE;

  private final KeyValueStore store;

  public FlatState(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public long nonce(Address account) {
    return store.get(Column.STATE_FLAT, nonceKey(account)).map(FlatState::decodeNonce).orElse(0L);
  }

  @Override
  public Optional<Bytes> storage(Address contract, Hash slot) {
    return store.get(Column.STATE_FLAT, storageKey(contract, slot)).map(Bytes::wrap);
  }

  /** Adds one block's net changes to {@code batch}: storage writes (deletes included), nonces. */
  public static void write(
      List<StateChanges.StorageWrite> storageWrites, Map<Address, Long> nonces, WriteBatch batch) {
    for (StateChanges.StorageWrite write : storageWrites) {
      byte[] key = storageKey(write.contract(), write.slot());
      Optional<Bytes> value = write.value().filter(bytes -> !bytes.isEmpty());
      if (value.isPresent()) {
        batch.put(Column.STATE_FLAT, key, value.get().unsafeArray());
      } else {
        batch.delete(Column.STATE_FLAT, key);
      }
    }
    for (Map.Entry<Address, Long> nonce : nonces.entrySet()) {
      byte[] key = nonceKey(nonce.getKey());
      if (nonce.getValue() == 0) {
        batch.delete(Column.STATE_FLAT, key);
      } else {
        batch.put(Column.STATE_FLAT, key, encodeNonce(nonce.getValue()));
      }
    }
  }

  static byte[] nonceKey(Address account) {
    return ByteBuffer.allocate(NONCE_KEY_SIZE)
        .put(NONCE_TAG)
        .put(account.bytes().unsafeArray())
        .array();
  }

  static byte[] storageKey(Address contract, Hash slot) {
    return ByteBuffer.allocate(STORAGE_KEY_SIZE)
        .put(STORAGE_TAG)
        .put(contract.bytes().unsafeArray())
        .put(slot.bytes().unsafeArray())
        .array();
  }

  private static byte[] encodeNonce(long nonce) {
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative: " + nonce);
    }
    return ByteBuffer.allocate(Long.BYTES).putLong(nonce).array();
  }

  private static long decodeNonce(byte[] value) {
    if (value.length != Long.BYTES) {
      throw new IllegalStateException("corrupt flat nonce: " + value.length + " bytes");
    }
    return ByteBuffer.wrap(value).getLong();
  }
}
