package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getAccount}. */
public final class CbdcGetAccount extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetAccount() {}

  /**
   * The result, typed.
   *
   * @return the account
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public CbdcAccount getAccount() {
    return CbdcAccount.fromJson(Json.result(this));
  }
}
