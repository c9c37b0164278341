package io.fiscus.index;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque cursors: base64url (no padding) of {@code version(1) ‖ query(1) ‖ indexId(1) ‖ key}, where
 * key is the last row a page consumed. A cursor is accepted only in its canonical form, for the
 * same query kind and index, with a key of the index's length inside the query's own range, so it
 * can neither reach rows the filters exclude nor be forged into a different scan.
 */
final class Cursors {
  private static final byte VERSION = 1;
  private static final int HEADER_SIZE = 3;
  private static final int ENCODED_CHARS_MAX = 256;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The query a cursor belongs to. */
  enum Query {
    ACCOUNT_HISTORY(1),
    INVOICES(2),
    RECORDS(3);

    final int code;

    Query(int code) {
      this.code = code;
    }
  }

  private Cursors() {}

  static String encode(Query query, int indexId, byte[] lastKey) {
    byte[] raw =
        ByteBuffer.allocate(HEADER_SIZE + lastKey.length)
            .put(VERSION)
            .put((byte) query.code)
            .put((byte) indexId)
            .put(lastKey)
            .array();
    return ENCODER.encodeToString(raw);
  }

  /** The last consumed key of a valid cursor, or empty without one. */
  static Optional<byte[]> decode(
      Optional<String> cursor, Query query, int indexId, int keySize, KeyRange range) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    String text = cursor.get();
    if (text.isEmpty() || text.length() > ENCODED_CHARS_MAX) {
      throw invalid();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!ENCODER.encodeToString(raw).equals(text)
        || raw.length != HEADER_SIZE + keySize
        || raw[0] != VERSION
        || raw[1] != (byte) query.code
        || raw[2] != (byte) indexId) {
      throw invalid();
    }
    byte[] key = Arrays.copyOfRange(raw, HEADER_SIZE, raw.length);
    if (!range.contains(key)) {
      throw invalid();
    }
    return Optional.of(key);
  }

  private static InvalidQueryException invalid() {
    return new InvalidQueryException("invalid cursor: pass back a nextCursor of the same query");
  }
}
