package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_getFinalityProof}. */
public final class CbdcGetFinalityProof extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcGetFinalityProof() {}

  /**
   * The result, typed.
   *
   * @return the proof, empty if the node knows no such transaction
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public Optional<FinalityProof> getFinalityProof() {
    return Json.optionalResult(this).map(FinalityProof::fromJson);
  }
}
