package io.fiscus.index;

/**
 * The bounds every {@link LedgerIndex} query works within, so no single call can make the node scan
 * millions of rows.
 */
public final class QueryLimits {
  /** The page size when the caller gives none (RPC.md). */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page a caller may ask for (RPC.md); above it the query is invalid. */
  public static final int MAX_LIMIT = 1000;

  /**
   * Rows a page query may examine per item asked for; a filter that matches rarely returns a short
   * page and a cursor to continue rather than scanning on.
   */
  public static final int ROWS_EXAMINED_PER_ITEM = 10;

  /** Invoices a tax summary may add up; a longer period must be split by the caller. */
  public static final int TAX_SUMMARY_INVOICES_MAX = 1_000_000;

  private QueryLimits() {}

  /** The limit if it is within {@code [1, MAX_LIMIT]}. */
  static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    return limit;
  }
}
