package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getSupply}. */
public final class CbdcGetSupply extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetSupply() {}

  /**
   * The result, typed.
   *
   * @return the supply
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Supply getSupply() {
    return Supply.fromJson(Json.result(this));
  }
}
