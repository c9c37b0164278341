package io.fiscus.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Typed readers of single JSON values; each error names {@code path}. */
final class JsonValues {
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern HEX_QUANTITY = Pattern.compile("0[xX][0-9a-fA-F]+");
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonValues() {}

  static String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new GenesisException(Reason.MALFORMED, path, "must be a string");
    }
    return node.asText();
  }

  /**
   * A non-negative integer as Besu accepts it: a JSON integer, a {@code 0x} hex string or a decimal
   * string, at most 2^63-1.
   */
  static long quantity(JsonNode node, String path) {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong() || node.longValue() < 0) {
        throw new GenesisException(Reason.INVALID, path, "out of range: " + node.asText());
      }
      return node.longValue();
    }
    if (!node.isTextual()) {
      throw new GenesisException(
          Reason.MALFORMED, path, "must be an integer, a 0x hex string or a decimal string");
    }
    String text = node.asText();
    BigInteger value;
    if (HEX_QUANTITY.matcher(text).matches()) {
      value = new BigInteger(text.substring(2), 16);
    } else if (DECIMAL.matcher(text).matches()) {
      value = new BigInteger(text);
    } else {
      throw new GenesisException(Reason.INVALID, path, "bad number " + quoted(text));
    }
    if (value.compareTo(LONG_MAX) > 0) {
      throw new GenesisException(Reason.INVALID, path, "out of range: " + text);
    }
    return value.longValueExact();
  }

  /** A quantity within {@code min..max}. */
  static long quantityIn(JsonNode node, String path, long min, long max) {
    long value = quantity(node, path);
    if (value < min || value > max) {
      throw new GenesisException(
          Reason.INVALID, path, "must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /** An amount of minor units: a decimal string (no sign, no leading zeros), at most 2^63-1. */
  static long minorUnits(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new GenesisException(
          Reason.MALFORMED, path, "must be a decimal string of minor units, e.g. \"100000\"");
    }
    String text = node.asText();
    if (!DECIMAL.matcher(text).matches()) {
      throw new GenesisException(Reason.INVALID, path, "bad decimal amount " + quoted(text));
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(LONG_MAX) > 0) {
      throw new GenesisException(Reason.INVALID, path, "above 2^63-1: " + text);
    }
    return value.longValueExact();
  }

  /** Hex bytes, with or without {@code 0x}. */
  static Bytes hex(JsonNode node, String path) {
    String text = string(node, path);
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(Reason.INVALID, path, "bad hex " + quoted(text), e);
    }
  }

  static Address address(JsonNode node, String path) {
    Bytes bytes = hex(node, path);
    if (bytes.size() != Address.SIZE) {
      throw new GenesisException(
          Reason.INVALID, path, "an address has 20 bytes, got " + bytes.size());
    }
    return new Address(bytes);
  }

  static Hash hash(JsonNode node, String path) {
    Bytes bytes = hex(node, path);
    if (bytes.size() != Hash.SIZE) {
      throw new GenesisException(Reason.INVALID, path, "a hash has 32 bytes, got " + bytes.size());
    }
    return new Hash(bytes);
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** {@code text} in double quotes, shortened so an error line stays one readable line. */
  static String quoted(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "\"" + shown + "\"";
  }
}
