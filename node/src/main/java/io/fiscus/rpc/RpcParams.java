package io.fiscus.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A call's positional parameters with typed accessors, and who sent the call. Every accessor
 * rejects a missing or malformed value with -32602 naming the parameter's position, so handlers
 * never see bad input.
 */
public final class RpcParams {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final JsonNode params;
  private final RpcAccess access;

  /**
   * {@code params} is the request's array (absent params are an empty array); {@code access} is
   * what the request's token established about its sender.
   */
  public RpcParams(JsonNode params, RpcAccess access) {
    this.params = params == null ? JsonNodeFactory.instance.arrayNode() : params;
    this.access = access;
  }

  /** Parameters of an anonymous call. */
  public RpcParams(JsonNode params) {
    this(params, RpcAccess.ANONYMOUS);
  }

  /** What the request's bearer token established ({@link RpcAccess#ANONYMOUS} without one). */
  public RpcAccess access() {
    return access;
  }

  /** The authenticated sender of the call, if a valid token proved one. */
  public Optional<Caller> caller() {
    return access instanceof RpcAccess.Authenticated authenticated
        ? Optional.of(authenticated.caller())
        : Optional.empty();
  }

  public int size() {
    return params.size();
  }

  /** The raw JSON at {@code index}, if present and not null. */
  public Optional<JsonNode> optional(int index) {
    JsonNode node = params.get(index);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  public JsonNode required(int index) {
    return optional(index)
        .orElseThrow(() -> RpcException.invalidParams("missing parameter " + index));
  }

  public String string(int index) {
    JsonNode node = required(index);
    if (!node.isTextual()) {
      throw RpcException.invalidParams("parameter " + index + " must be a string");
    }
    return node.asText();
  }

  public Bytes data(int index) {
    return parseData(string(index), "parameter " + index);
  }

  public Address address(int index) {
    return parseAddress(string(index), "parameter " + index);
  }

  public Hash hash(int index) {
    return parseHash(string(index), "parameter " + index);
  }

  public long quantity(int index) {
    return parseQuantity(string(index), "parameter " + index);
  }

  public boolean bool(int index) {
    JsonNode node = required(index);
    if (!node.isBoolean()) {
      throw RpcException.invalidParams("parameter " + index + " must be a boolean");
    }
    return node.booleanValue();
  }

  /** {@code 0x}-prefixed hex of whole bytes. */
  public static Bytes parseData(String text, String what) {
    if (!text.startsWith("0x") || text.length() % 2 != 0) {
      throw RpcException.invalidParams(what + ": expected 0x-prefixed hex of whole bytes");
    }
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(what + ": invalid hex");
    }
  }

  public static Address parseAddress(String text, String what) {
    Bytes bytes = parseData(text, what);
    if (bytes.size() != 20) {
      throw RpcException.invalidParams(what + ": an address is 20 bytes");
    }
    return Address.wrap(bytes.toArray());
  }

  public static Hash parseHash(String text, String what) {
    Bytes bytes = parseData(text, what);
    if (bytes.size() != 32) {
      throw RpcException.invalidParams(what + ": a hash is 32 bytes");
    }
    return Hash.wrap(bytes.toArray());
  }

  /** A hex quantity ({@code 0x0}, {@code 0x1a}; no leading zeros) that fits a signed long. */
  public static long parseQuantity(String text, String what) {
    if (!text.startsWith("0x")
        || text.length() < 3
        || text.length() > 18
        || (text.length() > 3 && text.charAt(2) == '0')
        || !isAsciiHex(text, 2)) {
      throw RpcException.invalidParams(what + ": expected a hex quantity such as 0x1a");
    }
    try {
      BigInteger value = new BigInteger(text.substring(2), 16);
      if (value.compareTo(LONG_MAX) > 0) {
        throw RpcException.invalidParams(what + ": quantity out of range");
      }
      return value.longValueExact();
    } catch (NumberFormatException e) {
      throw RpcException.invalidParams(what + ": invalid hex quantity");
    }
  }

  /**
   * True when {@code text} from {@code start} on is ASCII hex digits only. BigInteger alone would
   * also take a sign and other scripts' digits ({@code 0x-1}, {@code 0x+1}, {@code 0x１}); a
   * negative block number or count then failed deep inside a method as -32603 Internal error.
   */
  private static boolean isAsciiHex(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
