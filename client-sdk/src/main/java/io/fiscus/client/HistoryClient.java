package io.fiscus.client;

import io.fiscus.client.rpc.CbdcGetAccountHistory;
import io.fiscus.client.rpc.HistoryItem;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.rpc.Page;
import java.util.stream.Stream;

/**
 * An account's money movements, newest first, from the node's history index ({@code
 * cbdc_getAccountHistory}): transfers, issuance, redemption and invoice payments, in and out.
 */
public final class HistoryClient {
  private final Fiscus fiscus;

  /**
   * A client of a node.
   *
   * @param fiscus the node
   */
  public HistoryClient(Fiscus fiscus) {
    this.fiscus = fiscus;
  }

  /**
   * One page of an account's history.
   *
   * @param account the account
   * @param query block range, page size and cursor
   * @return the page, newest first
   */
  public Call<Page<HistoryItem>> page(String account, HistoryQuery query) {
    return Call.of(fiscus.cbdcGetAccountHistory(account, query))
        .map(CbdcGetAccountHistory::getPage);
  }

  /**
   * An account's history, fetched page by page as the caller iterates.
   *
   * @param account the account
   * @param query block range and page size
   * @return the movements, newest first
   */
  public Paginated<HistoryItem> history(String account, HistoryQuery query) {
    return new Paginated<>(
        cursor -> page(account, cursor.isPresent() ? query.withCursor(cursor.get()) : query));
  }

  /**
   * An account's whole history as a lazy stream.
   *
   * @param account the account
   * @return the movements, newest first
   */
  public Stream<HistoryItem> stream(String account) {
    return history(account, HistoryQuery.all()).stream();
  }
}
