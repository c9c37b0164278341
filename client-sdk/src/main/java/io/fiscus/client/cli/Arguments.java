package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the CLI's argument types. A value that does not convert is a usage error (exit
 * code 2) naming the argument, before anything is sent to the node.
 */
final class Arguments {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private Arguments() {}

  /** An account address, {@code 0x} and 40 hex digits; printed back in lower case. */
  static final class AddressConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!ADDRESS.matcher(text).matches()) {
        throw new TypeConversionException(
            "'" + text + "' is not an address (0x and 40 hex digits)");
      }
      return text.toLowerCase(Locale.ROOT);
    }
  }

  /** An amount in decimal currency ({@code 12.50}). */
  static final class AmountConverter implements ITypeConverter<Amount> {
    @Override
    public Amount convert(String text) {
      try {
        return Amount.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A calendar day, {@code 2025-03-31}, in UTC. */
  static final class DayConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
      }
    }
  }

  /** Unix seconds at the start of {@code day}, UTC. */
  static long startOf(LocalDate day) {
    return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  /** Unix seconds of the last second of {@code day}, UTC: an inclusive end of a period. */
  static long endOf(LocalDate day) {
    return startOf(day.plusDays(1)) - 1;
  }
}
