package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getInvoice}. */
public final class CbdcGetInvoice extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetInvoice() {}

  /**
   * The result, typed.
   *
   * @return the invoice, empty if the node knows no invoice with the id
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Optional<Invoice> getInvoice() {
    return Json.optionalResult(this).map(Invoice::fromJson);
  }
}
