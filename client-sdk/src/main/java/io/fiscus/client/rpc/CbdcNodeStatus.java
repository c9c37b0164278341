package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** The response to {@code cbdc_nodeStatus}. */
public final class CbdcNodeStatus extends Response<JsonNode> {
  /** For Jackson. */
  public CbdcNodeStatus() {}

  /**
   * The result, typed.
   *
   * @return the status
   * @throws io.fiscus.client.UnexpectedResponseException if the result is malformed
   */
  public NodeStatus getNodeStatus() {
    return NodeStatus.fromJson(Json.result(this));
  }
}
