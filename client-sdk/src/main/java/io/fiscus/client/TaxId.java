package io.fiscus.client;

/**
 * A taxpayer identifier as the Registry stores it: 1 to 32 printable ASCII characters ({@code
 * 0x21..0x7e}) other than {@code /}, compared byte for byte.
 *
 * @param value the identifier, e.g. {@code "DE123456789"}
 */
public record TaxId(String value) {
  private static final int LENGTH_MAX = 32;

  /**
   * Checks the format the Registry enforces.
   *
   * @throws IllegalArgumentException if the value is empty, too long or has another character
   */
  public TaxId {
    if (value.isEmpty() || value.length() > LENGTH_MAX) {
      throw new IllegalArgumentException(
          "a tax id has 1 to " + LENGTH_MAX + " characters: \"" + value + "\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '/') {
        throw new IllegalArgumentException(
            "a tax id is printable ASCII without spaces or '/': \"" + value + "\"");
      }
    }
  }

  /**
   * A tax id.
   *
   * @param value the identifier
   * @return the tax id
   */
  public static TaxId of(String value) {
    return new TaxId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
