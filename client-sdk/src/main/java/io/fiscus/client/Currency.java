package io.fiscus.client;

import java.util.Objects;

/**
 * The ledger's currency as the genesis names it ({@code config.fiscus.currency}, read back from the
 * Token's {@code name()} and {@code symbol()}); it formats amounts for people.
 *
 * @param name the currency's name, e.g. "Digital Currency Unit"
 * @param symbol its symbol, e.g. "DCU"
 */
public record Currency(String name, String symbol) {
  /** Checks that both are present. */
  public Currency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
  }

  /**
   * The amount with two decimals and this currency's symbol, e.g. {@code 12.50 DCU}.
   *
   * @param amount the amount to show
   * @return the text
   */
  public String format(Amount amount) {
    return amount + " " + symbol;
  }
}
