package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;
import io.fiscus.client.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.protocol.core.Response;

/**
 * Reads the members of {@code cbdc_} results ({@code docs/rpc.md}, "Conventions"): quantities are
 * hex strings, amounts decimal strings of minor units, absent values null. A member of the wrong
 * shape is an {@link UnexpectedResponseException}, never a silent default.
 */
final class Json {
  private Json() {}

  static JsonNode required(JsonNode object, String member) {
    JsonNode value = object.get(member);
    if (value == null || value.isNull()) {
      throw new UnexpectedResponseException("missing member \"" + member + "\" in " + object);
    }
    return value;
  }

  static Optional<JsonNode> optional(JsonNode object, String member) {
    JsonNode value = object.get(member);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  static String text(JsonNode object, String member) {
    JsonNode value = required(object, member);
    if (!value.isTextual()) {
      throw unexpected(object, member, "a string");
    }
    return value.asText();
  }

  static Optional<String> optionalText(JsonNode object, String member) {
    return optional(object, member).map(value -> text(object, member));
  }

  static boolean bool(JsonNode object, String member) {
    JsonNode value = required(object, member);
    if (!value.isBoolean()) {
      throw unexpected(object, member, "a boolean");
    }
    return value.asBoolean();
  }

  static int integer(JsonNode object, String member) {
    JsonNode value = required(object, member);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw unexpected(object, member, "an integer");
    }
    return value.intValue();
  }

  /** A hex quantity such as {@code "0x1a"}. */
  static long quantity(JsonNode object, String member) {
    String text = text(object, member);
    try {
      if (!text.startsWith("0x") || text.length() < 3) {
        throw new NumberFormatException(text);
      }
      return Long.parseUnsignedLong(text.substring(2), 16);
    } catch (NumberFormatException e) {
      throw unexpected(object, member, "a hex quantity");
    }
  }

  /** An amount: a decimal string of minor units. */
  static Amount amount(JsonNode object, String member) {
    String text = text(object, member);
    try {
      return Amount.ofMinorUnits(Long.parseLong(text));
    } catch (IllegalArgumentException e) {
      throw unexpected(object, member, "a decimal amount of minor units");
    }
  }

  static List<String> texts(JsonNode object, String member) {
    JsonNode array = required(object, member);
    if (!array.isArray()) {
      throw unexpected(object, member, "an array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw unexpected(object, member, "an array of strings");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  /** {@code {items: [...], nextCursor}}. */
  static <T> Page<T> page(JsonNode result, Function<JsonNode, T> item) {
    JsonNode items = required(result, "items");
    if (!items.isArray()) {
      throw unexpected(result, "items", "an array");
    }
    List<T> out = new ArrayList<>();
    items.forEach(node -> out.add(item.apply(node)));
    return new Page<>(out, optionalText(result, "nextCursor"));
  }

  /** The result of a method that always answers an object. */
  static JsonNode result(Response<JsonNode> response) {
    JsonNode result = response.getResult();
    if (result == null || result.isNull()) {
      throw new UnexpectedResponseException("the node answered null: " + response.getRawResponse());
    }
    return result;
  }

  /** The result of a method that answers null for "not found". */
  static Optional<JsonNode> optionalResult(Response<JsonNode> response) {
    JsonNode result = response.getResult();
    return result == null || result.isNull() ? Optional.empty() : Optional.of(result);
  }

  private static UnexpectedResponseException unexpected(
      JsonNode object, String member, String expected) {
    return new UnexpectedResponseException(
        "member \"" + member + "\" is not " + expected + " in " + object);
  }
}
