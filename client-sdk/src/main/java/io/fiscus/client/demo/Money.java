package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import java.util.Locale;

/** Amounts as the demo prints them: grouped thousands, two decimals, the currency symbol. */
final class Money {
  private Money() {}

  /** {@code 100000} is {@code "1,000.00"}. */
  static String format(Amount amount) {
    return String.format(
        Locale.ROOT, "%,d.%02d", amount.minorUnits() / 100, amount.minorUnits() % 100);
  }

  /** {@code 100000000} in DCU is {@code "1,000,000.00 DCU"}. */
  static String format(long minorUnits, String symbol) {
    return String.format(Locale.ROOT, "%,d.%02d %s", minorUnits / 100, minorUnits % 100, symbol);
  }
}
