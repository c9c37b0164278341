package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getInvoices}. */
public final class CbdcGetInvoices extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetInvoices() {}

  /**
   * The result, typed.
   *
   * @return one page of invoices, by issue date
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Page<Invoice> getPage() {
    return Json.page(Json.result(this), Invoice::fromJson);
  }
}
