package io.fiscus.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.rpc.auth.RpcAuthentication;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over any transport: bytes in, the response text out (or nothing, for notifications).
 * Malformed input is answered with the standard codes and never reaches a method; a method's {@link
 * RpcException} becomes its error; any other exception is a bug, logged with its stack and answered
 * -32603 without detail. Thread-safe; holds no per-request state.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String JSONRPC_VERSION = "2.0";
  private static final String UNKNOWN_METHOD_LABEL = "unknown";
  private static final String SUCCESS_LABEL = "0";

  /** The server is saturated or a client limit is reached; Besu's code for exceeded limits. */
  public static final int LIMIT_EXCEEDED = -32005;

  /** The request's bearer token is missing, invalid or expired (RPC.md). */
  public static final int UNAUTHORIZED = -40100;

  private final Map<String, RpcMethod> methods;
  private final RpcLimits limits;
  private final NodeMetrics metrics;
  private final RpcAuthentication authentication;
  private final ObjectMapper mapper;

  /**
   * @param methods every shared method by name (copied); per-connection methods come with each call
   */
  public JsonRpcDispatcher(
      Map<String, RpcMethod> methods,
      RpcLimits limits,
      NodeMetrics metrics,
      RpcAuthentication authentication) {
    this.methods = Map.copyOf(methods);
    this.limits = limits;
    this.metrics = metrics;
    this.authentication = authentication;
    this.mapper = newMapper();
  }

  /** Without authentication: every method is served to everyone. */
  public JsonRpcDispatcher(Map<String, RpcMethod> methods, RpcLimits limits, NodeMetrics metrics) {
    this(methods, limits, metrics, RpcAuthentication.disabled());
  }

  /** Turns a request's {@code Authorization} header into the access its calls are checked with. */
  public RpcAccess identify(Optional<String> authorization) {
    return authentication.identify(authorization);
  }

  /**
   * Like {@link #identify(Optional)}, with the request's {@value RpcAuthentication#REASON_HEADER}
   * header as the caller's reason when the token carries none.
   */
  public RpcAccess identify(Optional<String> authorization, Optional<String> reason) {
    return authentication.identify(authorization, reason);
  }

  /** The mapper results are serialized with: records become JSON objects, nulls are kept. */
  public static ObjectMapper newMapper() {
    return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The shared methods, by name. */
  public Map<String, RpcMethod> methods() {
    return methods;
  }

  /** Answers one HTTP body or WebSocket message; empty when it held only notifications. */
  public Optional<String> handle(byte[] body) {
    return handle(body, Map.of(), RpcAccess.ANONYMOUS);
  }

  /**
   * Like {@link #handle(byte[])}, with {@code connectionMethods} (e.g. {@code eth_subscribe} bound
   * to a WebSocket connection) tried before the shared methods, and every call checked against
   * {@code access} (see {@link #identify}).
   */
  public Optional<String> handle(
      byte[] body, Map<String, RpcMethod> connectionMethods, RpcAccess access) {
    return handle(body, connectionMethods, access, CallAdmission.UNLIMITED);
  }

  /**
   * Like {@link #handle(byte[], Map, RpcAccess)}, asking {@code admission} before each call (each
   * call of a batch, and a body that does not parse, counts once); a refused call is answered
   * -32005 {@code Limit exceeded} and not executed.
   */
  public Optional<String> handle(
      byte[] body,
      Map<String, RpcMethod> connectionMethods,
      RpcAccess access,
      CallAdmission admission) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || root.isMissingNode()) {
      Optional<String> refusal = admission.refusal();
      if (refusal.isPresent()) {
        return limited(NullNode.instance, refusal.get()).map(this::write);
      }
      count(UNKNOWN_METHOD_LABEL, RpcException.PARSE_ERROR);
      return Optional.of(write(error(NullNode.instance, RpcException.PARSE_ERROR, "Parse error")));
    }
    if (!root.isArray()) {
      return call(root, connectionMethods, access, admission).map(this::write);
    }
    if (root.isEmpty()) {
      return Optional.of(invalidBatch("empty batch"));
    }
    if (root.size() > limits.batchSizeMax()) {
      return Optional.of(
          invalidBatch(
              "batch of " + root.size() + " calls exceeds the limit of " + limits.batchSizeMax()));
    }
    ArrayNode responses = NODES.arrayNode(root.size());
    for (JsonNode request : root) {
      call(request, connectionMethods, access, admission).ifPresent(responses::add);
    }
    return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
  }

  /**
   * A standalone error response with a null id, for transports that refuse a request before it is
   * parsed (too large, server busy).
   */
  public String errorResponse(int code, String message, String reason) {
    count(UNKNOWN_METHOD_LABEL, code);
    return write(error(NullNode.instance, code, message, Optional.of(reason)));
  }

  private String invalidBatch(String reason) {
    return errorResponse(RpcException.INVALID_REQUEST, "Invalid Request", reason);
  }

  private Optional<JsonNode> call(
      JsonNode request,
      Map<String, RpcMethod> connectionMethods,
      RpcAccess access,
      CallAdmission admission) {
    Optional<String> refusal = admission.refusal();
    if (refusal.isPresent()) {
      return limited(request, refusal.get());
    }
    if (!request.isObject()) {
      return Optional.of(invalidRequest(NullNode.instance, "a request must be a JSON object"));
    }
    JsonNode id = request.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return Optional.of(invalidRequest(NullNode.instance, "id must be a string, number or null"));
    }
    JsonNode answerId = id == null ? NullNode.instance : id;
    JsonNode version = request.get("jsonrpc");
    if (version == null || !version.isTextual() || !JSONRPC_VERSION.equals(version.asText())) {
      return Optional.of(invalidRequest(answerId, "jsonrpc must be \"2.0\""));
    }
    JsonNode method = request.get("method");
    if (method == null || !method.isTextual()) {
      return Optional.of(invalidRequest(answerId, "method must be a string"));
    }
    JsonNode response =
        invoke(answerId, method.asText(), request.get("params"), connectionMethods, access);
    // A notification (no id member at all) is never answered, not even with an error.
    return id == null ? Optional.empty() : Optional.of(response);
  }

  private JsonNode invoke(
      JsonNode id,
      String name,
      JsonNode params,
      Map<String, RpcMethod> connectionMethods,
      RpcAccess access) {
    RpcMethod method = connectionMethods.get(name);
    if (method == null) {
      method = methods.get(name);
    }
    if (method == null) {
      count(UNKNOWN_METHOD_LABEL, RpcException.METHOD_NOT_FOUND);
      return error(id, RpcException.METHOD_NOT_FOUND, "Method not found");
    }
    Optional<String> refusal = authentication.refusal(access, name);
    if (refusal.isPresent()) {
      count(name, UNAUTHORIZED);
      return error(id, UNAUTHORIZED, "Unauthorized", Optional.of(refusal.get()));
    }
    long startNanos = System.nanoTime();
    JsonNode response = invokeKnown(id, name, method, new RpcParams(params, access), params);
    metrics.rpcSeconds.labelValues(name).observe((System.nanoTime() - startNanos) / 1e9);
    return response;
  }

  private JsonNode invokeKnown(
      JsonNode id, String name, RpcMethod method, RpcParams typed, JsonNode params) {
    if (params != null && !params.isNull() && !params.isArray()) {
      count(name, RpcException.INVALID_PARAMS);
      return error(
          id,
          RpcException.INVALID_PARAMS,
          "Invalid params",
          Optional.of("params must be an array"));
    }
    try {
      JsonNode result = mapper.valueToTree(method.call(typed));
      count(name, 0);
      ObjectNode response = envelope(id);
      response.set("result", result == null ? NullNode.instance : result);
      return response;
    } catch (RpcException e) {
      count(name, e.code());
      return error(id, e.code(), e.getMessage(), e.data());
    } catch (RuntimeException e) {
      LOG.warn("JSON-RPC method {} failed", name, e);
      count(name, RpcException.INTERNAL_ERROR);
      return error(id, RpcException.INTERNAL_ERROR, "Internal error");
    }
  }

  /** A refused call's answer: -32005 with its id, or nothing for a notification. */
  private Optional<JsonNode> limited(JsonNode request, String reason) {
    count(UNKNOWN_METHOD_LABEL, LIMIT_EXCEEDED);
    JsonNode id = request.isObject() ? request.get("id") : NullNode.instance;
    if (id == null) {
      return Optional.empty();
    }
    JsonNode answerId = id.isTextual() || id.isNumber() ? id : NullNode.instance;
    return Optional.of(error(answerId, LIMIT_EXCEEDED, "Limit exceeded", Optional.of(reason)));
  }

  private JsonNode invalidRequest(JsonNode id, String reason) {
    count(UNKNOWN_METHOD_LABEL, RpcException.INVALID_REQUEST);
    return error(id, RpcException.INVALID_REQUEST, "Invalid Request", Optional.of(reason));
  }

  private void count(String methodLabel, int code) {
    metrics
        .rpcRequests
        .labelValues(methodLabel, code == 0 ? SUCCESS_LABEL : Integer.toString(code))
        .inc();
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", JSONRPC_VERSION);
    response.set("id", id);
    return response;
  }

  private JsonNode error(JsonNode id, int code, String message) {
    return error(id, code, message, Optional.empty());
  }

  private JsonNode error(JsonNode id, int code, String message, Optional<Object> data) {
    ObjectNode error = NODES.objectNode();
    error.put("code", code);
    error.put("message", message);
    data.ifPresent(value -> error.set("data", mapper.valueToTree(value)));
    ObjectNode response = envelope(id);
    response.set("error", error);
    return response;
  }

  private String write(JsonNode response) {
    try {
      return mapper.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; failing here is a broken invariant.
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
