package io.fiscus.index;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The account-history layout in {@code Column.ACCOUNT_HISTORY}: key {@code account(20) ‖
 * blockNumber(8) ‖ txIndex(4) ‖ logIndex(4)}, value {@code txHash(32) ‖ timestamp(8) ‖ kind(1) ‖
 * from(20) ‖ to(20) ‖ amount(8) ‖ hasReference(1) ‖ [reference(32)]}. A descending scan of one
 * account's keys is its history newest first; block bounds are key bounds.
 */
final class HistoryRows {
  static final int KEY_SIZE = Address.SIZE + LogPosition.SIZE;
  private static final int VALUE_SIZE_WITHOUT_REFERENCE =
      Hash.SIZE + 8 + 1 + 2 * Address.SIZE + 8 + 1;

  private HistoryRows() {}

  static byte[] key(Address account, LogPosition position) {
    return KeyBytes.concat(KeyBytes.bytes(account.bytes()), position.toKey());
  }

  /** The first key of {@code account} at or after {@code blockNumber}. */
  static byte[] blockStart(Address account, long blockNumber) {
    return KeyBytes.concat(KeyBytes.bytes(account.bytes()), KeyBytes.long8(blockNumber));
  }

  /** The first key of {@code account} after every key of {@code blockNumber}. */
  static byte[] blockEnd(Address account, long blockNumber) {
    return KeyBytes.prefixEnd(blockStart(account, blockNumber));
  }

  static byte[] value(HistoryEntry entry) {
    int size = VALUE_SIZE_WITHOUT_REFERENCE + (entry.reference().isPresent() ? Hash.SIZE : 0);
    ByteBuffer value =
        ByteBuffer.allocate(size)
            .put(KeyBytes.bytes(entry.transactionHash().bytes()))
            .putLong(entry.timestampSeconds())
            .put(kindCode(entry.kind()))
            .put(KeyBytes.bytes(entry.from().bytes()))
            .put(KeyBytes.bytes(entry.to().bytes()))
            .putLong(entry.amount());
    if (entry.reference().isPresent()) {
      value.put((byte) 1).put(KeyBytes.bytes(entry.reference().get().bytes()));
    } else {
      value.put((byte) 0);
    }
    return value.array();
  }

  static HistoryEntry decode(byte[] key, byte[] value) {
    if (key.length != KEY_SIZE
        || (value.length != VALUE_SIZE_WITHOUT_REFERENCE
            && value.length != VALUE_SIZE_WITHOUT_REFERENCE + Hash.SIZE)) {
      throw new IllegalStateException("corrupt account-history row");
    }
    long blockNumber = ByteBuffer.wrap(key, Address.SIZE, 8).getLong();
    ByteBuffer in = ByteBuffer.wrap(value);
    Hash transactionHash = Hash.wrap(take(in, Hash.SIZE));
    long timestamp = in.getLong();
    HistoryKind kind = kindOf(in.get());
    Address from = Address.wrap(take(in, Address.SIZE));
    Address to = Address.wrap(take(in, Address.SIZE));
    long amount = in.getLong();
    byte hasReference = in.get();
    Optional<Hash> reference =
        switch (hasReference) {
          case 0 -> Optional.empty();
          case 1 -> Optional.of(Hash.wrap(take(in, Hash.SIZE)));
          default -> throw new IllegalStateException("corrupt account-history reference flag");
        };
    if (in.hasRemaining()) {
      throw new IllegalStateException("corrupt account-history row length");
    }
    return new HistoryEntry(
        transactionHash, blockNumber, timestamp, kind, from, to, amount, reference);
  }

  private static byte[] take(ByteBuffer in, int size) {
    byte[] part = new byte[size];
    in.get(part);
    return part;
  }

  // Stored codes are fixed here, independent of the enum's declaration order.
  private static byte kindCode(HistoryKind kind) {
    return switch (kind) {
      case TRANSFER -> 1;
      case ISSUE -> 2;
      case REDEEM -> 3;
      case INVOICE_PAYMENT -> 4;
    };
  }

  private static HistoryKind kindOf(byte code) {
    return switch (code) {
      case 1 -> HistoryKind.TRANSFER;
      case 2 -> HistoryKind.ISSUE;
      case 3 -> HistoryKind.REDEEM;
      case 4 -> HistoryKind.INVOICE_PAYMENT;
      default -> throw new IllegalStateException("corrupt account-history kind " + code);
    };
  }
}
