package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a node says about itself ({@code cbdc_nodeStatus}).
 *
 * @param chainId the chain id
 * @param height the head block's number
 * @param headHash the head block's hash
 * @param validators the validators in the head block's extra data
 * @param isValidator whether this node is one of them
 * @param peers connected peers
 * @param syncing whether it is catching up
 * @param mempoolSize pooled transactions, pending and queued
 * @param round the current QBFT round
 */
public record NodeStatus(
    long chainId,
    long height,
    String headHash,
    List<String> validators,
    boolean isValidator,
    long peers,
    boolean syncing,
    long mempoolSize,
    long round) {
  /** Copies the validators. */
  public NodeStatus {
    validators = List.copyOf(validators);
  }

  static NodeStatus fromJson(JsonNode json) {
    return new NodeStatus(
        Json.quantity(json, "chainId"),
        Json.quantity(json, "height"),
        Json.text(json, "headHash"),
        Json.texts(json, "validators"),
        Json.bool(json, "isValidator"),
        Json.quantity(json, "peers"),
        Json.bool(json, "syncing"),
        Json.quantity(json, "mempoolSize"),
        Json.quantity(json, "round"));
  }
}
