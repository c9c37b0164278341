package io.fiscus.index;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The ledger-record layout in {@code Column.RECORDS}, one-byte index id first:
 *
 * <ul>
 *   <li>{@code 0x00 ‖ position(16)} → header ‖ payload: every record in chain order, and the only
 *       copy of the payload;
 *   <li>{@code 0x01 ‖ submitter(20) ‖ position}, {@code 0x02 ‖ kind(32) ‖ position}, {@code 0x03 ‖
 *       key(32) ‖ position} → header;
 *   <li>{@code 0x04 ‖ submitter ‖ kind ‖ key ‖ version(8)} → header: one series, by version.
 * </ul>
 *
 * <p>The header is {@code submitter(20) ‖ kind(32) ‖ key(32) ‖ version(8) ‖ position(16) ‖
 * txHash(32)}, enough to filter on any field without reading the payload. Position is {@code
 * blockNumber ‖ txIndex ‖ logIndex}, so descending scans list newest first.
 */
final class RecordRows {
  static final int HEADER_SIZE = Address.SIZE + 2 * Hash.SIZE + 8 + LogPosition.SIZE + Hash.SIZE;

  /** The indexes, by their key prefix. */
  enum Index {
    POSITION(0),
    SUBMITTER(1),
    KIND(2),
    KEY(3),
    SERIES(4);

    final int id;

    Index(int id) {
      this.id = id;
    }
  }

  /** A record without its payload, as every index row stores it. */
  record Header(
      Address submitter,
      Hash kind,
      Hash key,
      long version,
      LogPosition position,
      Hash transactionHash) {

    RecordEntry withPayload(Bytes payload) {
      return new RecordEntry(
          submitter, kind, key, version, payload, position.blockNumber(), transactionHash);
    }
  }

  private RecordRows() {}

  static byte[] positionKey(LogPosition position) {
    return KeyBytes.prefix(Index.POSITION.id, position.toKey());
  }

  static byte[] submitterPartition(Address submitter) {
    return KeyBytes.prefix(Index.SUBMITTER.id, KeyBytes.bytes(submitter.bytes()));
  }

  static byte[] kindPartition(Hash kind) {
    return KeyBytes.prefix(Index.KIND.id, KeyBytes.bytes(kind.bytes()));
  }

  static byte[] keyPartition(Hash key) {
    return KeyBytes.prefix(Index.KEY.id, KeyBytes.bytes(key.bytes()));
  }

  static byte[] seriesPartition(Address submitter, Hash kind, Hash key) {
    return KeyBytes.prefix(
        Index.SERIES.id,
        KeyBytes.bytes(submitter.bytes()),
        KeyBytes.bytes(kind.bytes()),
        KeyBytes.bytes(key.bytes()));
  }

  static byte[] positionPartition() {
    return new byte[] {(byte) Index.POSITION.id};
  }

  /** The secondary keys of a record (all but the position row). */
  static List<byte[]> secondaryKeys(Header header) {
    byte[] position = header.position().toKey();
    return List.of(
        KeyBytes.concat(submitterPartition(header.submitter()), position),
        KeyBytes.concat(kindPartition(header.kind()), position),
        KeyBytes.concat(keyPartition(header.key()), position),
        KeyBytes.concat(
            seriesPartition(header.submitter(), header.kind(), header.key()),
            KeyBytes.long8(header.version())));
  }

  static byte[] header(Header header) {
    return ByteBuffer.allocate(HEADER_SIZE)
        .put(KeyBytes.bytes(header.submitter().bytes()))
        .put(KeyBytes.bytes(header.kind().bytes()))
        .put(KeyBytes.bytes(header.key().bytes()))
        .putLong(header.version())
        .put(header.position().toKey())
        .put(KeyBytes.bytes(header.transactionHash().bytes()))
        .array();
  }

  static byte[] positionValue(Header header, Bytes payload) {
    return KeyBytes.concat(header(header), KeyBytes.bytes(payload));
  }

  /** The header at the start of any record row's value. */
  static Header decodeHeader(byte[] value) {
    if (value.length < HEADER_SIZE) {
      throw new IllegalStateException("corrupt record row");
    }
    ByteBuffer in = ByteBuffer.wrap(value);
    Address submitter = Address.wrap(take(in, Address.SIZE));
    Hash kind = Hash.wrap(take(in, Hash.SIZE));
    Hash key = Hash.wrap(take(in, Hash.SIZE));
    long version = in.getLong();
    LogPosition position = LogPosition.read(in);
    Hash transactionHash = Hash.wrap(take(in, Hash.SIZE));
    return new Header(submitter, kind, key, version, position, transactionHash);
  }

  /** The payload that follows the header in a position row. */
  static Bytes payload(byte[] positionValue) {
    return Bytes.wrap(Arrays.copyOfRange(positionValue, HEADER_SIZE, positionValue.length));
  }

  private static byte[] take(ByteBuffer in, int size) {
    byte[] part = new byte[size];
    in.get(part);
    return part;
  }
}
