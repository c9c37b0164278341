package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getTaxSummary}. */
public final class CbdcGetTaxSummary extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetTaxSummary() {}

  /**
   * The result, typed.
   *
   * @return the totals
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public TaxSummary getTaxSummary() {
    return TaxSummary.fromJson(Json.result(this));
  }
}
