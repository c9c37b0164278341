package io.fiscus.rpc.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A parameter that is a JSON object (a call object, a query filter), with typed accessors for its
 * members that reject malformed values with -32602 naming the member. Members not in the allowed
 * set are rejected too, so a misspelled filter is an error rather than silently ignored.
 */
public final class ObjectParams {
  private final JsonNode object;
  private final String what;

  private ObjectParams(JsonNode object, String what) {
    this.object = object;
    this.what = what;
  }

  /** Parameter {@code index}, which must be an object whose members are all in {@code allowed}. */
  public static ObjectParams required(RpcParams params, int index, Set<String> allowed) {
    return of(params.required(index), "parameter " + index, allowed);
  }

  /** Parameter {@code index} if present and not null, else an empty object. */
  public static ObjectParams optional(RpcParams params, int index, Set<String> allowed) {
    return of(
        params.optional(index).orElseGet(JsonNodeFactory.instance::objectNode),
        "parameter " + index,
        allowed);
  }

  static ObjectParams of(JsonNode node, String what, Set<String> allowed) {
    if (!node.isObject()) {
      throw RpcException.invalidParams(what + " must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw RpcException.invalidParams(what + ": unknown member " + name);
      }
    }
    return new ObjectParams(node, what);
  }

  public boolean has(String name) {
    return member(name).isPresent();
  }

  /** The member's raw JSON, if present and not null. */
  public Optional<JsonNode> member(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  public Optional<String> string(String name) {
    return member(name)
        .map(
            node -> {
              if (!node.isTextual()) {
                throw RpcException.invalidParams(describe(name) + " must be a string");
              }
              return node.asText();
            });
  }

  public Optional<Address> address(String name) {
    return string(name).map(text -> RpcParams.parseAddress(text, describe(name)));
  }

  public Optional<Hash> hash(String name) {
    return string(name).map(text -> RpcParams.parseHash(text, describe(name)));
  }

  public Optional<Bytes> data(String name) {
    return string(name).map(text -> RpcParams.parseData(text, describe(name)));
  }

  /** A non-negative number given as a hex quantity string or a JSON integer. */
  public OptionalLong quantity(String name) {
    Optional<JsonNode> node = member(name);
    if (node.isEmpty()) {
      return OptionalLong.empty();
    }
    JsonNode value = node.get();
    if (value.isTextual()) {
      return OptionalLong.of(RpcParams.parseQuantity(value.asText(), describe(name)));
    }
    if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
      return OptionalLong.of(value.longValue());
    }
    throw RpcException.invalidParams(
        describe(name) + ": expected a non-negative integer or hex quantity");
  }

  /** {@code what.name}, the way errors name a member. */
  public String describe(String name) {
    return what + "." + name;
  }
}
