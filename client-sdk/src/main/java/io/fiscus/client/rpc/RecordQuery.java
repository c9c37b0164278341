package io.fiscus.client.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The filter of {@code cbdc_getRecords}; results come newest first. Build it from {@link #all()}.
 *
 * @param submitter the account that wrote the records
 * @param kind the record kind, 32 bytes of hex
 * @param key the record key, 32 bytes of hex
 * @param cursor the {@code nextCursor} of the previous page of the same query
 * @param limit the page size, 1..1000 (the node's default is 100)
 */
public record RecordQuery(
    Optional<String> submitter,
    Optional<String> kind,
    Optional<String> key,
    Optional<String> cursor,
    OptionalInt limit) {
  /** Checks the page size. */
  public RecordQuery {
    Quantities.checkLimit(limit);
  }

  /**
   * Every record.
   *
   * @return the query
   */
  public static RecordQuery all() {
    return new RecordQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  /**
   * Only this submitter's.
   *
   * @param address the submitter
   * @return the narrowed query
   */
  public RecordQuery withSubmitter(String address) {
    return new RecordQuery(Optional.of(address), kind, key, cursor, limit);
  }

  /**
   * Only this kind.
   *
   * @param kindHex 32 bytes of hex
   * @return the narrowed query
   */
  public RecordQuery withKind(String kindHex) {
    return new RecordQuery(submitter, Optional.of(kindHex), key, cursor, limit);
  }

  /**
   * Only this key.
   *
   * @param keyHex 32 bytes of hex
   * @return the narrowed query
   */
  public RecordQuery withKey(String keyHex) {
    return new RecordQuery(submitter, kind, Optional.of(keyHex), cursor, limit);
  }

  /**
   * Pages of {@code size} items.
   *
   * @param size 1..1000
   * @return the query
   */
  public RecordQuery withLimit(int size) {
    return new RecordQuery(submitter, kind, key, cursor, OptionalInt.of(size));
  }

  /**
   * The page after the one that returned {@code nextCursor}.
   *
   * @param nextCursor a page's {@code nextCursor}
   * @return the query for the next page
   */
  public RecordQuery withCursor(String nextCursor) {
    return new RecordQuery(submitter, kind, key, Optional.of(nextCursor), limit);
  }

  /**
   * The filter object as the RPC takes it.
   *
   * @return the JSON-RPC parameter
   */
  public Map<String, Object> toParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    Quantities.put(params, "submitter", submitter);
    Quantities.put(params, "kind", kind);
    Quantities.put(params, "key", key);
    Quantities.put(params, "cursor", cursor);
    Quantities.put(params, "limit", limit);
    return params;
  }
}
