package io.fiscus.rpc;

import java.util.Optional;

/**
 * A JSON-RPC error answer: bad input or a refused request, never a bug. The server turns it into
 * {@code {"code", "message", "data"?}} and counts it by code.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int EXECUTION_REVERTED = 3;

  /** The caller may not see what it asked for (the visibility rules, ADR 0020). */
  public static final int FORBIDDEN = -32000;

  private final int code;
  private final transient Optional<Object> data;

  public RpcException(int code, String message, Optional<Object> data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public RpcException(int code, String message) {
    this(code, message, Optional.empty());
  }

  /** -32602 with the detail of what was wrong as {@code data}. */
  public static RpcException invalidParams(String detail) {
    return new RpcException(INVALID_PARAMS, "Invalid params", Optional.of(detail));
  }

  /** -32000 {@code Forbidden} with why as {@code data}. */
  public static RpcException forbidden(String why) {
    return new RpcException(FORBIDDEN, "Forbidden", Optional.of(why));
  }

  public int code() {
    return code;
  }

  /** Extra detail, serialized as the error's {@code data} member. */
  public Optional<Object> data() {
    return data;
  }
}
