package io.fiscus.client.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Bytes that people can read as text: valid UTF-8 without control characters but line breaks. */
final class PrintableText {
  private PrintableText() {}

  /** The bytes as text, or empty if they are not valid UTF-8 or hold other control characters. */
  static Optional<String> of(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      boolean printable =
          text.chars().allMatch(c -> !Character.isISOControl(c) || c == '\n' || c == '\t');
      return printable ? Optional.of(text) : Optional.empty();
    } catch (CharacterCodingException notText) {
      return Optional.empty();
    }
  }
}
