package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getRecords}. */
public final class CbdcGetRecords extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetRecords() {}

  /**
   * The result, typed.
   *
   * @return one page of records, newest first
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Page<LedgerRecord> getPage() {
    return Json.page(Json.result(this), LedgerRecord::fromJson);
  }
}
