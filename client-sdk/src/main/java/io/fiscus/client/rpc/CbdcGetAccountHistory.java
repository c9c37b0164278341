package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getAccountHistory}. */
public final class CbdcGetAccountHistory extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetAccountHistory() {}

  /**
   * The result, typed.
   *
   * @return one page of the history, newest first
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Page<HistoryItem> getPage() {
    return Json.page(Json.result(this), HistoryItem::fromJson);
  }
}
