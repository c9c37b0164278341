package io.fiscus.contracts.system;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The slot scheme shared by the system contracts. Each kind of entry has a one-byte domain tag,
 * unique across all four contracts, and its slot is derived from the tag and the entry's key:
 *
 * <ul>
 *   <li>{@link #fixed}: {@code tag ‖ 23 zero bytes ‖ index (8 bytes, big-endian)} — singletons and
 *       small tables (token totals, tier limits);
 *   <li>{@link #ofAddress}: {@code tag ‖ 11 zero bytes ‖ address} — per-account entries on the
 *       transfer hot path (accounts, balances, daily spending), with no hashing;
 *   <li>{@link #hashed}: {@code keccak256(tag ‖ key parts...)} — composite or variable-length keys
 *       (allowances, tax ids, invoices, records).
 * </ul>
 *
 * A hashed slot equals a structured one only if 11 or 23 given bytes of a keccak output are zero,
 * which is as unlikely as a hash collision.
 */
public final class StorageSlots {
  private StorageSlots() {}

  public static Hash fixed(int tag, long index) {
    byte[] slot = new byte[Hash.SIZE];
    slot[0] = (byte) tag;
    for (int i = 0; i < 8; i++) {
      slot[Hash.SIZE - 1 - i] = (byte) (index >>> (8 * i));
    }
    return Hash.wrap(slot);
  }

  public static Hash ofAddress(int tag, Address account) {
    byte[] slot = new byte[Hash.SIZE];
    slot[0] = (byte) tag;
    System.arraycopy(account.bytes().unsafeArray(), 0, slot, 12, Address.SIZE);
    return Hash.wrap(slot);
  }

  public static Hash hashed(int tag, byte[]... keyParts) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update((byte) tag);
    for (byte[] part : keyParts) {
      digest.update(part, 0, part.length);
    }
    byte[] slot = new byte[Hash.SIZE];
    digest.doFinal(slot, 0);
    return Hash.wrap(slot);
  }
}
