package io.fiscus.client.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The filter of {@code cbdc_getAccountHistory}: a block range, a page size and the cursor of the
 * page to fetch. Build it from {@link #all()} with the {@code with…} methods.
 *
 * @param fromBlock the first block, inclusive
 * @param toBlock the last block, inclusive
 * @param cursor the {@code nextCursor} of the previous page of the same query
 * @param limit the page size, 1..1000 (the node's default is 100)
 */
public record HistoryQuery(
    OptionalLong fromBlock, OptionalLong toBlock, Optional<String> cursor, OptionalInt limit) {
  /** Checks the page size. */
  public HistoryQuery {
    Quantities.checkLimit(limit);
  }

  /**
   * The whole history, newest first, in pages of the node's default size.
   *
   * @return the query
   */
  public static HistoryQuery all() {
    return new HistoryQuery(
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty());
  }

  /**
   * Only blocks {@code from} to {@code to}, inclusive.
   *
   * @param from the first block
   * @param to the last block
   * @return the narrowed query
   */
  public HistoryQuery withBlocks(long from, long to) {
    return new HistoryQuery(OptionalLong.of(from), OptionalLong.of(to), cursor, limit);
  }

  /**
   * Pages of {@code size} items.
   *
   * @param size 1..1000
   * @return the query
   */
  public HistoryQuery withLimit(int size) {
    return new HistoryQuery(fromBlock, toBlock, cursor, OptionalInt.of(size));
  }

  /**
   * The page after the one that returned {@code nextCursor}.
   *
   * @param nextCursor a page's {@code nextCursor}
   * @return the query for the next page
   */
  public HistoryQuery withCursor(String nextCursor) {
    return new HistoryQuery(fromBlock, toBlock, Optional.of(nextCursor), limit);
  }

  /**
   * The filter object as the RPC takes it.
   *
   * @return the JSON-RPC parameter
   */
  public Map<String, Object> toParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    Quantities.put(params, "fromBlock", fromBlock);
    Quantities.put(params, "toBlock", toBlock);
    Quantities.put(params, "cursor", cursor);
    Quantities.put(params, "limit", limit);
    return params;
  }
}
