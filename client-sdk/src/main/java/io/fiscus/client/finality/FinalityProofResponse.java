package io.fiscus.client.finality;

import org.web3j.protocol.core.Response;

/**
 * The JSON-RPC response to {@code cbdc_getFinalityProof}: the proof, or null when there is none.
 */
public final class FinalityProofResponse extends Response<FinalityProof> {
  /** For Jackson. */
  public FinalityProofResponse() {}
}
