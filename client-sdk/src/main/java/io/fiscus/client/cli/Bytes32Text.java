package io.fiscus.client.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ledger's 32-byte labels (a payment reference, a record's kind and key) as people type and
 * read them: short text, UTF-8 and padded with zero bytes on the right as Solidity's {@code
 * bytes32("...")} does, or {@code 0x} and 64 hex digits for arbitrary bytes. Shown back as the text
 * when the bytes are such text, else as hex.
 */
final class Bytes32Text {
  static final int SIZE = 32;
  private static final Pattern HEX32 = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private Bytes32Text() {}

  /**
   * The 32 bytes a label stands for.
   *
   * @throws IllegalArgumentException if the text is empty, longer than 32 bytes in UTF-8, or holds
   *     control characters
   */
  static byte[] encode(String text) {
    if (HEX32.matcher(text).matches()) {
      return HEX.parseHex(text.substring(2));
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || utf8.length > SIZE || text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "'" + text + "' must be 1 to 32 bytes of text, or 0x and 64 hex digits");
    }
    return Arrays.copyOf(utf8, SIZE);
  }

  /** The label for 32 bytes given as {@code 0x} hex: the text if they hold text, else the hex. */
  static String decode(String hex) {
    byte[] bytes = HEX.parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == 0) {
      length--;
    }
    Optional<String> text =
        length == 0 ? Optional.empty() : PrintableText.of(Arrays.copyOf(bytes, length));
    return text.filter(t -> t.indexOf('\n') < 0 && t.indexOf('\t') < 0)
        .orElse("0x" + HEX.formatHex(bytes));
  }
}
