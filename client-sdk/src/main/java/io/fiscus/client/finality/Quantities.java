package io.fiscus.client.finality;

import java.util.Locale;

/** JSON-RPC quantities ({@code "0x1a"}) as the verifier reads them: canonical hex, fits a long. */
final class Quantities {
  private Quantities() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if it is absent, not {@code 0x}-prefixed hex, has leading
   *     zeros, or exceeds {@link Long#MAX_VALUE}
   */
  static long parse(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("0x")
        || lower.length() == 2
        || lower.length() > 18
        || (lower.length() > 3 && lower.charAt(2) == '0')) {
      throw new IllegalArgumentException(field + " is not a hex quantity: " + text);
    }
    long value;
    try {
      value = Long.parseUnsignedLong(lower.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a hex quantity: " + text, e);
    }
    if (value < 0) {
      throw new IllegalArgumentException(field + " exceeds a long: " + text);
    }
    return value;
  }
}
