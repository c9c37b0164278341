package io.fiscus.rpc;

/**
 * One JSON-RPC method. Returns the {@code result} (a Jackson-serializable value: JsonNode, String,
 * Boolean, List, Map, record, or null) or throws {@link RpcException}. Any other exception is a bug
 * and is answered -32603 {@code Internal error}.
 */
@FunctionalInterface
public interface RpcMethod {
  Object call(RpcParams params);
}
