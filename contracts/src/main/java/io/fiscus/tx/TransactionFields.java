package io.fiscus.tx;

import static io.fiscus.tx.TransactionRejection.FIELD_OUT_OF_RANGE;
import static io.fiscus.tx.TransactionRejection.INVALID_ACCESS_LIST;
import static io.fiscus.tx.TransactionRejection.INVALID_ADDRESS;
import static io.fiscus.tx.TransactionRejection.NON_CANONICAL_INTEGER;
import static io.fiscus.tx.TransactionRejection.WRONG_FIELD_COUNT;

import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of one transaction list, read with the rejection reason each defect deserves. Errors in
 * the RLP itself surface as {@link io.fiscus.rlp.RlpException}; errors in meaning as {@link
 * RejectedInput}.
 */
final class TransactionFields {
  private static final int LONG_FIELD_BITS = 63;
  private static final int UINT256_BYTES = 32;

  private final List<byte[]> items;

  private TransactionFields(List<byte[]> items) {
    this.items = items;
  }

  /** Splits {@code list} into exactly {@code expected} raw items. */
  static TransactionFields split(RlpReader list, int expected, String kind) {
    List<byte[]> items = new ArrayList<>(expected);
    while (list.hasNext()) {
      if (items.size() == expected) {
        throw new RejectedInput(WRONG_FIELD_COUNT, kind + " has more than " + expected + " fields");
      }
      items.add(list.readRaw());
    }
    if (items.size() != expected) {
      throw new RejectedInput(
          WRONG_FIELD_COUNT, kind + " has " + items.size() + " fields, expected " + expected);
    }
    return new TransactionFields(items);
  }

  /** A canonical unsigned integer of any length (callers bound it). */
  BigInteger uint(int index, String name) {
    byte[] value = RlpReader.of(items.get(index)).readBytes();
    if (value.length > 0 && value[0] == 0) {
      throw new RejectedInput(NON_CANONICAL_INTEGER, name + " has leading zero bytes");
    }
    return new BigInteger(1, value);
  }

  /** A canonical unsigned integer below 2^63: nonce, gas limit, chain id. */
  long uint63(int index, String name) {
    BigInteger value = uint(index, name);
    if (value.bitLength() > LONG_FIELD_BITS) {
      throw new RejectedInput(FIELD_OUT_OF_RANGE, name + " must be below 2^63, got " + value);
    }
    return value.longValueExact();
  }

  /** A canonical unsigned 256-bit integer: fees and value. */
  BigInteger uint256(int index, String name) {
    BigInteger value = uint(index, name);
    if (value.bitLength() > UINT256_BYTES * Byte.SIZE) {
      throw new RejectedInput(FIELD_OUT_OF_RANGE, name + " exceeds 256 bits");
    }
    return value;
  }

  Bytes bytes(int index) {
    return Bytes.wrap(RlpReader.of(items.get(index)).readBytes());
  }

  /** The recipient: 20 bytes, or empty for a contract creation. */
  Optional<Address> recipient(int index) {
    byte[] to = RlpReader.of(items.get(index)).readBytes();
    if (to.length == 0) {
      return Optional.empty();
    }
    if (to.length != Address.SIZE) {
      throw new RejectedInput(INVALID_ADDRESS, "to must be 0 or 20 bytes, got " + to.length);
    }
    return Optional.of(Address.wrap(to));
  }

  /** An EIP-2930 access list: {@code [[address, [storageKey, ...]], ...]}. */
  List<AccessListEntry> accessList(int index) {
    RlpReader field = RlpReader.of(items.get(index));
    requireList(field, "access list");
    RlpReader entries = field.enterList();
    List<AccessListEntry> result = new ArrayList<>();
    while (entries.hasNext()) {
      requireList(entries, "access list entry");
      result.add(entry(entries.enterList()));
    }
    return result;
  }

  private static AccessListEntry entry(RlpReader entry) {
    byte[] address = string(entry, "access list address");
    if (address.length != Address.SIZE) {
      throw new RejectedInput(
          INVALID_ACCESS_LIST, "access list address must be 20 bytes, got " + address.length);
    }
    requireList(entry, "access list storage keys");
    RlpReader keys = entry.enterList();
    List<Hash> storageKeys = new ArrayList<>();
    while (keys.hasNext()) {
      byte[] key = string(keys, "storage key");
      if (key.length != Hash.SIZE) {
        throw new RejectedInput(
            INVALID_ACCESS_LIST, "storage key must be 32 bytes, got " + key.length);
      }
      storageKeys.add(Hash.wrap(key));
    }
    if (entry.hasNext()) {
      throw new RejectedInput(INVALID_ACCESS_LIST, "access list entry has more than two items");
    }
    return new AccessListEntry(Address.wrap(address), storageKeys);
  }

  private static void requireList(RlpReader reader, String what) {
    if (!reader.hasNext() || !reader.nextIsList()) {
      throw new RejectedInput(INVALID_ACCESS_LIST, what + " must be a list");
    }
  }

  private static byte[] string(RlpReader reader, String what) {
    if (!reader.hasNext() || reader.nextIsList()) {
      throw new RejectedInput(INVALID_ACCESS_LIST, what + " must be a string");
    }
    return reader.readBytes();
  }
}
