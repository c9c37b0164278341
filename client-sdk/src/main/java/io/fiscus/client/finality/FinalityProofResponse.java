package io.fiscus.client.finality;

import java.util.Optional;
import org.web3j.protocol.core.Response;

/**
 * The JSON-RPC response to {@code cbdc_getFinalityProof}: the proof, or null when there is none.
 */
public final class FinalityProofResponse extends Response<FinalityProof> {
  /** For Jackson. */
  public FinalityProofResponse() {}

  /** The proof; empty when the node has none (the transaction is unknown or not yet included). */
  public Optional<FinalityProof> proof() {
    return Optional.ofNullable(getResult());
  }
}
