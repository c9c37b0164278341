package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.TaxId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the CLI's argument types. A value that does not convert is a usage error (exit
 * code 2) naming the argument, before anything is sent to the node.
 */
final class Arguments {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?%?");
  private static final int BASIS_POINTS_MAX = 10_000;

  private Arguments() {}

  /** Makes the value types convert wherever an option or parameter has one. */
  static CommandLine registerConverters(CommandLine commandLine) {
    return commandLine
        .registerConverter(Amount.class, new AmountConverter())
        .registerConverter(InvoiceId.class, new InvoiceIdConverter())
        .registerConverter(TaxId.class, new TaxIdConverter())
        .registerConverter(LocalDate.class, new DayConverter())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

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

  /**
   * An invoice id: {@code 0x} and 64 hex digits, or {@code SELLER-TAX-ID/NUMBER}, from which the
   * TaxInvoices contract derives the id (a tax id has no {@code /}; a number may).
   */
  static final class InvoiceIdConverter implements ITypeConverter<InvoiceId> {
    @Override
    public InvoiceId convert(String text) {
      try {
        int slash = text.indexOf('/');
        if (slash < 0) {
          return InvoiceId.of(text);
        }
        return InvoiceId.of(TaxId.of(text.substring(0, slash)), text.substring(slash + 1));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + text + "' is not an invoice id (0x and 64 hex digits, or SELLER-TAX-ID/NUMBER)");
      }
    }
  }

  /** A taxpayer id, 1 to 32 printable characters without spaces or {@code /}. */
  static final class TaxIdConverter implements ITypeConverter<TaxId> {
    @Override
    public TaxId convert(String text) {
      try {
        return TaxId.of(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A tax rate in percent with at most two decimals ({@code 20}, {@code 5.5}), as basis points. */
  static final class TaxRateConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      if (!PERCENT.matcher(text).matches()) {
        throw new TypeConversionException(
            "'" + text + "' is not a tax rate (percent with at most two decimals, e.g. 20 or 5.5)");
      }
      int basisPoints = new BigDecimal(text.replace("%", "")).movePointRight(2).intValueExact();
      if (basisPoints > BASIS_POINTS_MAX) {
        throw new TypeConversionException("'" + text + "' is more than 100 percent");
      }
      return basisPoints;
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
}
